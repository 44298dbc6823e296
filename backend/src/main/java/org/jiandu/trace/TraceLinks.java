package org.jiandu.trace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How a feature adds records to a trace that the engine cannot link by itself: a complaint that led to a
 * supervision case started as a process of its own, a letter that names the case it came from. A feature
 * implements this as a Spring bean; the trace of a record then includes the processes, audit rows and
 * documents of every linked record (and, in turn, of the records linked to those).
 *
 * <p>Called processes need no link: they are found through the engine's super-process relation.
 */
public interface TraceLinks {

    /** The business keys (record numbers) linked to this one; empty if none. Never null. */
    Collection<String> linkedBusinessKeys(String businessKey);

    /** A record's links both ways: the records it was the source of, and its own source (if it has one). */
    static Collection<String> bothWays(Collection<String> opened, Optional<String> source) {
        List<String> keys = new ArrayList<>(opened);
        source.ifPresent(keys::add);
        return keys;
    }
}
