package org.jiandu.trace;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Keeps the texts people type (replies, findings, reasons, opinions, the complainant's particulars, a clue's
 * facts) out of Camunda's history, whichever door they came through. Our API passes them as transient variables,
 * but a form submitted in Tasklist or through {@code /engine-rest} sends ordinary ones: the task's complete listener
 * takes them into our tables and removes them from the process, yet the engine has by then written a variable
 * instance (ACT_HI_VARINST), its update (ACT_HI_DETAIL) and, for a submitted form, a form property (ACT_HI_DETAIL).
 * This handler drops those history events for the declared {@link #TEXT_VARIABLES} before the engine's database
 * handler sees them; every other event passes unchanged, so history stays FULL for ids and decisions.
 */
public final class TextHistoryFilter implements HistoryEventHandler {

    /**
     * The names under which a text may reach a process: every text field of our forms (a test checks that each
     * {@code textarea} and {@code textfield} of {@code forms/} is listed), and the texts our API passes transiently.
     */
    public static final Set<String> TEXT_VARIABLES = Set.of(
            // complaints
            "reason", "competentAuthority", "findings", "replyText", "complainantName", "complainantPhone",
            "complainantAddress", "complainantIdNo", "facts", "demands",
            // cases, letters, rectifications, 督办
            "opinion", "minutes", "planText", "progressText", "completionText", "title", "body",
            // clues
            "legalOpinion", "revisionNote", "meetingMinutes", "leadOpinion", "receiptNote", "outcomeText",
            "personsInvolved", "note", "text");

    private final HistoryEventHandler delegate;

    public TextHistoryFilter(HistoryEventHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!isText(event)) {
            delegate.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        List<HistoryEvent> kept = events.stream().filter(event -> !isText(event)).toList();
        if (!kept.isEmpty()) {
            delegate.handleEvents(kept);
        }
    }

    /** Whether the event would write a text's value: a variable's creation, update or deletion, or a form field. */
    static boolean isText(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return TEXT_VARIABLES.contains(variable.getVariableName());
        }
        if (event instanceof HistoricFormPropertyEventEntity formField) {
            return TEXT_VARIABLES.contains(formField.getPropertyId());
        }
        return false;
    }
}
