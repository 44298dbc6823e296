package org.jiandu.web;

import java.util.List;

/** One page of a list: the rows, the total count of rows that match, and where the page stands. */
public record Page<T>(List<T> items, long total, int page, int size) {

    /** The largest page any list gives ({@link PagingRule} refuses a larger {@code size}). */
    public static final int MAX_SIZE = 100;

    public static int offset(int page, int size) {
        return Math.max(page, 0) * size;
    }
}
