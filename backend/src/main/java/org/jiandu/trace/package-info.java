/**
 * Trace (全过程留痕): the append-only, hash-chained audit log every business action writes and its
 * verification; one timeline per record across its processes, audit rows and documents, its diagrams and its export.
 */
package org.jiandu.trace;
