package org.jiandu.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The rows of a table of counts, one per agency (or category), and the 合计 row that sums each column.
 * By default a row is the name and its counts; a section that shows more (a rate between two counts) says
 * how a name and its counts become the row's cells.
 */
public final class CountRows {

    private final List<List<Object>> rows = new ArrayList<>();
    private final long[] total;
    private final BiFunction<String, long[], List<Object>> cells;

    public CountRows(int columns) {
        this(columns, CountRows::nameAndCounts);
    }

    public CountRows(int columns, BiFunction<String, long[], List<Object>> cells) {
        this.total = new long[columns];
        this.cells = cells;
    }

    /** Adds a row and counts it into the total. */
    public void add(String name, long... counts) {
        if (counts.length != total.length) {
            throw new IllegalArgumentException(counts.length + " counts for " + total.length + " columns");
        }
        for (int i = 0; i < counts.length; i++) {
            total[i] += counts[i];
        }
        rows.add(cells.apply(name, counts));
    }

    /** How many rows were added (the 合计 row not counted). */
    public int size() {
        return rows.size();
    }

    /** The rows added, then the 合计 row if {@code withTotal}. */
    public List<List<Object>> rows(boolean withTotal) {
        List<List<Object>> all = new ArrayList<>(rows);
        if (withTotal) {
            all.add(cells.apply("合计", total.clone()));
        }
        return all;
    }

    private static List<Object> nameAndCounts(String name, long[] counts) {
        List<Object> row = new ArrayList<>(counts.length + 1);
        row.add(name);
        for (long count : counts) {
            row.add(count);
        }
        return row;
    }
}
