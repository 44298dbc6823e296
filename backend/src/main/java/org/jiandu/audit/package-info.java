/**
 * Audit log (审计日志): the append-only, hash-chained record every business action writes, its
 * verification and its admin endpoints. Used by every feature; depends on nothing but identity's
 * {@code Actor} and the web error types.
 */
package org.jiandu.audit;
