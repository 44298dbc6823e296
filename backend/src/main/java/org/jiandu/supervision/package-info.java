/**
 * Supervision cases (执法监督案件): filing approval (立案), investigation records, collective deliberation
 * (集体研究) and the decision, whose suggestion letters run as called processes until the case closes.
 */
package org.jiandu.supervision;
