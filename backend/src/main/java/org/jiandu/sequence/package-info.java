/**
 * Sequences (编号): gap-free counters for tracking numbers and document numbers, taken inside the
 * transaction that uses the number, so a rolled-back action leaves no gap.
 */
package org.jiandu.sequence;
