package org.jiandu.trace;

import org.jiandu.identity.CurrentUser;

/**
 * Need to know, from a feature's own records: how a user took part in one of its records (a clue), as its
 * handler or proposer, its approver, the one who signed for it or recorded its outcome, or as the body it was
 * transferred to. Who started or touched a process instance does not count. Implemented by the clue feature.
 */
public interface TraceParticipants {

    /** How the user took part in the record with this number; {@link Part#NONE} for a record the feature does not keep. */
    Part partOf(String recordNo, CurrentUser user);

    /** The ways to take part in a record. */
    enum Part {
        /** Not at all. */
        NONE,
        /** On the supervision body's side: proposed, handled, approved it. */
        HANDLING,
        /** As the body it was transferred to (from the transfer on). */
        RECEIVING
    }
}
