package org.jiandu.workflow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.jiandu.platform.EngineAccess;
import org.jiandu.sequence.Sequences;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What opening a record of a process takes, whatever the feature: its number from the year's counter, the
 * start of its process under that number (the feature has checked the caller: nobody holds CREATE_INSTANCE), and the
 * {@link RecordOpened} announcement when the record comes from a complaint. Called inside the opening transaction.
 */
@Component
public class RecordOpening {

    /** The source type of a record opened from a complaint's approved proposal. */
    public static final String FROM_COMPLAINT = "COMPLAINT";

    private final Sequences sequences;
    private final RuntimeService runtimeService;
    private final EngineAccess engineAccess;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordOpening(Sequences sequences, RuntimeService runtimeService, EngineAccess engineAccess,
                  ApplicationEventPublisher events, Clock clock) {
        this.sequences = sequences;
        this.runtimeService = runtimeService;
        this.engineAccess = engineAccess;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The next number of this year's counter {@code counter|year}: {@code JY-2026-000007} for prefix {@code JY}. A
     * record number only has to be unique and ordered (the gap-free 文号 is the document's): it is committed at once,
     * so openings do not wait for each other's commit, and an opening that fails leaves a gap.
     */
    public String nextNumber(String prefix, String counter) {
        int year = LocalDate.now(clock).getYear();
        return "%s-%d-%06d".formatted(prefix, year, sequences.nextAllowingGaps(counter + "|" + year));
    }

    /** Now, to the second: what a record's time columns hold. */
    public LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    /** Starts the record's process with its number as business key; the process instance's id. */
    public String startProcess(String processKey, String recordNo, Map<String, Object> variables) {
        return engineAccess.withoutAuthorizationChecks(() ->
                runtimeService.startProcessInstanceByKey(processKey, recordNo, variables).getId());
    }

    /** Announces the record to its source's feature when it was opened from a complaint (else nothing). */
    public void announce(String sourceType, String sourceNo, String followUp, long recordId, String recordNo) {
        if (FROM_COMPLAINT.equals(sourceType)) {
            events.publishEvent(new RecordOpened(FROM_COMPLAINT, sourceNo, followUp, recordId, recordNo));
        }
    }
}
