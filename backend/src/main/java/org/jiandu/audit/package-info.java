/**
 * Audit log (审计日志): the append-only, hash-chained record every business action writes, its
 * verification. Used by every package; depends on none of ours but {@code web}: identity tells it who
 * acts ({@link org.jiandu.audit.AuditActor.Source}), and the auditors' endpoints live in {@code trace}.
 */
package org.jiandu.audit;
