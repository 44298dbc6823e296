package org.jiandu.inbox;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.function.Consumer;

import org.camunda.bpm.engine.query.Query;

/**
 * The filters of an inbox view, resolved: due-date flags and "due within N working days" have become
 * bounds on the due date (and, for yellow, on the creation time). Null means "any".
 */
record InboxFilter(String processKey, String businessKey, String agency, LocalDateTime dueAfter,
                   LocalDateTime dueBefore, LocalDateTime createdBefore, String text, Sort sort, boolean ascending) {

    /** How rows are ordered. */
    enum Sort {
        DUE, CREATED, PRIORITY
    }

    static InboxFilter none() {
        return new InboxFilter(null, null, null, null, null, null, null, Sort.CREATED, false);
    }

    /** Whether the filter leaves out any item of its view (the order does not). */
    boolean narrows() {
        return processKey != null || businessKey != null || agency != null || dueAfter != null || dueBefore != null
                || createdBefore != null || text != null;
    }

    /**
     * Sets the conditions that are not "any" on an engine task query, through the query's own methods: the open and
     * the done tasks' queries name them differently but filter alike. Texts arrive as LIKE patterns ({@code %text%}),
     * times as dates in {@code zone}.
     */
    void applyTo(ZoneId zone, Consumer<String> processKey, Consumer<String> businessKeyLike, Consumer<String> agency,
                 Consumer<Date> dueAfter, Consumer<Date> dueBefore, Consumer<Date> createdBefore,
                 Consumer<String> textLike) {
        ifSet(processKey(), processKey);
        ifSet(like(businessKey()), businessKeyLike);
        ifSet(agency(), agency);
        ifSet(date(dueAfter(), zone), dueAfter);
        ifSet(date(dueBefore(), zone), dueBefore);
        ifSet(date(createdBefore(), zone), createdBefore);
        ifSet(like(text()), textLike);
    }

    /**
     * Orders an engine task query by this filter's sort key, through the query's own methods for it (by creation for
     * the open tasks, by completion for the done ones), in the filter's direction.
     */
    void orderOn(Query<?, ?> query, Runnable byDue, Runnable byPriority, Runnable byDefault) {
        switch (sort) {
            case DUE -> byDue.run();
            case PRIORITY -> byPriority.run();
            default -> byDefault.run();
        }
        if (ascending) {
            query.asc();
        } else {
            query.desc();
        }
    }

    /** This filter as the inbox's index of open tasks takes it: LIKE patterns, dates in {@code zone}, its column. */
    OpenTaskMapper.Criteria criteria(ZoneId zone) {
        String column = switch (sort) {
            case DUE -> "due_at";
            case PRIORITY -> "priority";
            case CREATED -> "created_at";
        };
        return new OpenTaskMapper.Criteria(processKey, like(businessKey), agency, date(dueAfter, zone),
                date(dueBefore, zone), date(createdBefore, zone), like(text), column, ascending);
    }

    private static <T> void ifSet(T value, Consumer<T> condition) {
        if (value != null) {
            condition.accept(value);
        }
    }

    private static String like(String text) {
        return text == null ? null : "%" + text + "%";
    }

    private static Date date(LocalDateTime time, ZoneId zone) {
        return time == null ? null : Date.from(time.atZone(zone).toInstant());
    }
}
