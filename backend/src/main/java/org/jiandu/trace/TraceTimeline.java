package org.jiandu.trace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A trace's entries as they are gathered, then in time order; entries of the same instant keep the order they came in. */
final class TraceTimeline {

    private final List<Timed> timed = new ArrayList<>();
    private long order;

    void add(Instant at, TraceEntry entry) {
        timed.add(new Timed(at, order++, entry));
    }

    List<TraceEntry> entries() {
        return timed.stream().sorted(Comparator.comparing(Timed::at).thenComparingLong(Timed::order))
                .map(Timed::entry).toList();
    }

    private record Timed(Instant at, long order, TraceEntry entry) {
    }
}
