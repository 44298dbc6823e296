/**
 * Trace (全过程留痕): one timeline per record across its processes, audit rows and documents, filtered by
 * audience (need-to-know allow-lists); its diagrams and its .docx export; the auditors' view of the audit
 * log ({@code /api/audit}), which itself lives in {@code org.jiandu.audit}.
 */
package org.jiandu.trace;
