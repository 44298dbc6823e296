/**
 * Sequences (编号): counters for tracking numbers and document numbers. Document numbers (文号) are gap-free,
 * taken inside the transaction that uses the number, so a rolled-back action leaves no gap; tracking numbers
 * and record numbers are drawn in a short transaction of their own on a small pool of their own, so actions do
 * not queue behind each other's commit.
 */
package org.jiandu.sequence;
