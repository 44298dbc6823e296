package org.jiandu.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jiandu.identity.Actor;
import org.jiandu.audit.AuditLog;
import org.jiandu.web.ApiException;
import org.jiandu.platform.PerTransaction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An admin's changes to the calendar, each one transaction with its audit row. */
@Service
class CalendarAdmin {

    static final String RECORD_TYPE = "CALENDAR";

    private final CalendarExceptionMapper exceptions;
    private final AuditLog auditLog;
    private final Clock clock;

    CalendarAdmin(CalendarExceptionMapper exceptions, AuditLog auditLog, Clock clock) {
        this.exceptions = exceptions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional
    CalendarException put(LocalDate date, DayKind kind, String name) {
        Optional<CalendarException> before = exceptions.find(date);
        LocalDateTime now = LocalDateTime.now(clock).withNano(0);
        String by = Actor.current().userId();
        if (exceptions.update(date, kind, name, by, now) == 0) {
            exceptions.insert(date, kind, name, by, now);
        }
        PerTransaction.forget(Workdays.CACHE);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("kind", AuditLog.change(before.map(CalendarException::kind).orElse(null), kind));
        changes.put("name", AuditLog.change(before.map(CalendarException::name).orElse(null), name));
        auditLog.record(RECORD_TYPE, date.toString(), before.isPresent() ? "EXCEPTION_CHANGED" : "EXCEPTION_ADDED",
                changes);
        return exceptions.find(date).orElseThrow();
    }

    @Transactional
    void delete(LocalDate date) {
        CalendarException before = exceptions.find(date).orElseThrow(() -> ApiException.notFound(
                "CALENDAR_EXCEPTION_NOT_FOUND", date + " 没有例外设置。"));
        exceptions.delete(date);
        PerTransaction.forget(Workdays.CACHE);
        auditLog.record(RECORD_TYPE, date.toString(), "EXCEPTION_REMOVED",
                Map.of("kind", AuditLog.change(before.kind(), null), "name", AuditLog.change(before.name(), null)));
    }

    @Transactional
    void confirmYear(int year) {
        if (!exceptions.confirmedYears(year, year).isEmpty()) {
            return;
        }
        exceptions.confirmYear(year, Actor.current().userId(), LocalDateTime.now(clock).withNano(0));
        auditLog.record(RECORD_TYPE, Integer.toString(year), "YEAR_CONFIRMED", Map.of("confirmed", true));
    }

    @Transactional
    void unconfirmYear(int year) {
        if (exceptions.unconfirmYear(year) == 0) {
            throw ApiException.notFound("CALENDAR_YEAR_NOT_CONFIRMED", year + " 年尚未确认放假安排。");
        }
        auditLog.record(RECORD_TYPE, Integer.toString(year), "YEAR_UNCONFIRMED", Map.of("confirmed", false));
    }
}
