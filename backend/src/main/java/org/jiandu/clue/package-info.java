/**
 * Clue transfer (问题线索移送): a supervisor proposes to transfer a clue of misconduct to the discipline
 * commission (纪委监委), or of a suspected crime to public security or the procuratorate (行刑衔接); legal
 * review, collective decision where the category requires it, lead approval, the numbered transfer letter,
 * receipt and outcome. Need to know: a clue is invisible to agencies and to supervisors not handling it.
 */
package org.jiandu.clue;
