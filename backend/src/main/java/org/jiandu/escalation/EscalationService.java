package org.jiandu.escalation;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation ladder as other features read it: a record's escalations, an agency's public notices, the flag of a
 * due date. The ladder's actions are {@link LadderAlerts}, {@link LadderDocuments} and {@link SuperviseDecisions}.
 */
@Service
public class EscalationService {

    private final EscalationMapper mapper;
    private final EscalationCalendar calendar;

    EscalationService(EscalationMapper mapper, EscalationCalendar calendar) {
        this.mapper = mapper;
        this.calendar = calendar;
    }

    /** The record type of a process's business key, for documents, audit and notifications. */
    public static String recordTypeOf(String processDefinitionKey) {
        return switch (processDefinitionKey) {
            case "supervision-letter" -> "LETTER";
            case "rectification-tracking" -> "RECTIFICATION";
            case "supervision-case" -> "CASE";
            default -> processDefinitionKey.toUpperCase();
        };
    }

    @Transactional(readOnly = true)
    public List<Escalation> of(String recordType, String recordNo, boolean agencyView) {
        List<Escalation> all = mapper.findByRecord(recordType, recordNo);
        return agencyView ? all.stream().map(Escalation::forAgency).toList() : all;
    }

    @Transactional(readOnly = true)
    public List<PublicNotice> publicNoticesOf(String agencyCode) {
        return mapper.publicNoticesOf(agencyCode);
    }

    /** The flag of a due date whose term started at {@code since}: see {@link EscalationCalendar#flags()}. */
    public Flag flag(LocalDateTime since, LocalDateTime due) {
        return calendar.flag(since, due);
    }

    /** Flags (term start, due date) for a whole list, computed with one look at the calendar. */
    public java.util.function.BiFunction<LocalDateTime, LocalDateTime, Flag> flags() {
        return calendar.flags();
    }

    /** Due dates up to this bound (and not past) carry a yellow flag, if their term started before today. */
    public LocalDateTime yellowBound() {
        return calendar.yellowBound();
    }

    /** Only a term that started before this instant (the start of today) can be yellow. */
    public LocalDateTime yellowStartedBefore() {
        return calendar.startedBefore();
    }
}
