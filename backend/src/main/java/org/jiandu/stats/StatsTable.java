package org.jiandu.stats;

import java.util.List;

/**
 * A section's figures as a table: column headers, rows of cells and notes (definitions, sources).
 * A cell is a String, a Number, a {@link Rate}, a {@link java.time.LocalDate} or null (nothing to show).
 */
public record StatsTable(List<String> headers, List<List<Object>> rows, List<String> notes) {

    public StatsTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
        notes = notes == null ? List.of() : List.copyOf(notes);
        for (List<Object> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("Row " + row + " does not have the " + headers.size() + " columns "
                        + headers);
            }
        }
    }
}
