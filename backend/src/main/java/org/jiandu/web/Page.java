package org.jiandu.web;

import java.util.List;

/** One page of a list: the rows, the total count of rows that match, and where the page stands. */
public record Page<T>(List<T> items, long total, int page, int size) {

    /** The largest page any list gives ({@link PagingRule} refuses a larger {@code size}). */
    public static final int MAX_SIZE = 100;

    /** A page with no rows (of a list the caller may not see any row of). */
    public static <T> Page<T> empty(int page, int size) {
        return new Page<>(List.of(), 0, page, size);
    }

    public static int offset(int page, int size) {
        return Math.max(page, 0) * size;
    }
}
