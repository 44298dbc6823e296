/**
 * Clue transfer (问题线索移送): proposing, reviewing, approving and handing over clues of misconduct to the
 * discipline commission, public security or the procuratorate; need to know, invisible to agencies.
 */
package org.jiandu.clue;
