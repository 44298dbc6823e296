package org.jiandu.web;

import java.util.List;

/** One page of a list: the rows, the total count of rows that match, and where the page stands. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static int offset(int page, int size) {
        return Math.max(page, 0) * size;
    }
}
