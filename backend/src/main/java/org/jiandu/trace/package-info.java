/**
 * Trace (全过程留痕): the append-only, hash-chained audit log every business action writes, and
 * its verification.
 */
package org.jiandu.trace;
