package org.jiandu.clue;

import org.jiandu.identity.CurrentUser;
import org.jiandu.trace.TraceParticipants;
import org.springframework.stereotype.Component;

/**
 * Who took part in a clue, from the clue's row: its handler (who proposed it), the lead who approved the transfer,
 * who signed for it and who recorded its outcome; and the receiving body once the transfer was approved.
 */
@Component
class ClueTraceParticipants implements TraceParticipants {

    private final ClueMapper clues;

    ClueTraceParticipants(ClueMapper clues) {
        this.clues = clues;
    }

    @Override
    public Part partOf(String recordNo, CurrentUser user) {
        Long id = clues.idOf(recordNo);
        Clue clue = id == null ? null : clues.find(id).orElse(null);
        if (clue == null) {
            return Part.NONE;
        }
        if (ClueAccess.isReceiverOf(user, clue)) {
            return Part.RECEIVING;
        }
        if (ClueAccess.isReceivingBody(user)) {
            return Part.NONE;
        }
        String userId = user.userId();
        boolean handled = userId.equals(clue.handler()) || userId.equals(clue.approvedBy())
                || userId.equals(clue.acknowledgedBy()) || userId.equals(clue.outcomeRecordedBy());
        return handled ? Part.HANDLING : Part.NONE;
    }
}
