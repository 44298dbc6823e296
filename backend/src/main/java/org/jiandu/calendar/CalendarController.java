package org.jiandu.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiandu.identity.AnyUser;
import org.jiandu.identity.Role;
import org.jiandu.identity.Roles;
import org.jiandu.web.ApiException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calendar")
@AnyUser
class CalendarController {

    private static final int MAX_SPAN_DAYS = 3660;
    private static final String PROVISIONAL_NOTE =
            "所涉年份的放假安排尚未公布或尚未录入，本结果按《全国年节及纪念日放假办法》法定节假日推算，"
                    + "调休以国务院办公厅公布的安排为准，待管理员录入后以录入为准。";

    private final Workdays workdays;
    private final CalendarExceptionMapper exceptions;
    private final CalendarAdmin admin;

    CalendarController(Workdays workdays, CalendarExceptionMapper exceptions, CalendarAdmin admin) {
        this.workdays = workdays;
        this.exceptions = exceptions;
        this.admin = admin;
    }

    /** N working days after a date. */
    @GetMapping("/workdays/add")
    @Transactional(readOnly = true)
    WorkdayAnswer add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam int days) {
        if (Math.abs(days) > MAX_SPAN_DAYS) {
            throw ApiException.badRequest("DAYS_OUT_OF_RANGE", "天数应在 -" + MAX_SPAN_DAYS + " 到 " + MAX_SPAN_DAYS + " 之间。");
        }
        LocalDate date = workdays.after(from, days);
        boolean provisional = workdays.anyProvisional(from.getYear(), date.getYear());
        return new WorkdayAnswer(date, provisional, provisional ? PROVISIONAL_NOTE : null);
    }

    /** Working days between two dates: from (exclusive) to to (inclusive). */
    @GetMapping("/workdays/between")
    @Transactional(readOnly = true)
    BetweenAnswer between(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        checkSpan(from, to);
        boolean provisional = workdays.anyProvisional(from.getYear(), to.getYear());
        return new BetweenAnswer(workdays.between(from, to), provisional, provisional ? PROVISIONAL_NOTE : null);
    }

    /** Each day of a range, worked or not, and why. */
    @GetMapping("/days")
    @Transactional(readOnly = true)
    List<Workdays.DayInfo> days(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from) || from.plusDays(400).isBefore(to)) {
            throw ApiException.badRequest("DATE_RANGE_INVALID", "日期范围应从早到晚且不超过 400 天。");
        }
        List<Workdays.DayInfo> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            days.add(workdays.describe(date));
        }
        return days;
    }

    @GetMapping("/exceptions")
    @Transactional(readOnly = true)
    List<CalendarException> exceptions(@RequestParam(required = false) Integer year) {
        int shown = year == null ? java.time.Year.now(workdays.zone()).getValue() : year;
        return exceptions.findBetween(LocalDate.of(shown, 1, 1), LocalDate.of(shown, 12, 31));
    }

    @PutMapping("/exceptions/{date}")
    @Roles(Role.ADMIN)
    CalendarException put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                          @Valid @RequestBody ExceptionRequest request) {
        return admin.put(date, request.kind(), request.name().strip());
    }

    @DeleteMapping("/exceptions/{date}")
    @Roles(Role.ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        admin.delete(date);
    }

    /** An admin states that the year's published arrangement is entered: the year stops being provisional. */
    @PutMapping("/years/{year}/confirmation")
    @Roles(Role.ADMIN)
    YearAnswer confirm(@PathVariable @Min(2000) @Max(2100) int year) {
        admin.confirmYear(year);
        return new YearAnswer(year, workdays.provisional(year));
    }

    @DeleteMapping("/years/{year}/confirmation")
    @Roles(Role.ADMIN)
    YearAnswer unconfirm(@PathVariable @Min(2000) @Max(2100) int year) {
        admin.unconfirmYear(year);
        return new YearAnswer(year, workdays.provisional(year));
    }

    @GetMapping("/years/{year}")
    @Transactional(readOnly = true)
    YearAnswer year(@PathVariable @Min(2000) @Max(2100) int year) {
        return new YearAnswer(year, workdays.provisional(year));
    }

    private static void checkSpan(LocalDate from, LocalDate to) {
        if (Math.abs(to.toEpochDay() - from.toEpochDay()) > MAX_SPAN_DAYS * 2L) {
            throw ApiException.badRequest("DATE_RANGE_INVALID", "日期范围过大。");
        }
    }

    record ExceptionRequest(@NotNull DayKind kind, @NotBlank @Size(max = 60) String name) {
    }

    record WorkdayAnswer(LocalDate date, boolean provisional, String note) {
    }

    record BetweenAnswer(int workdays, boolean provisional, String note) {
    }

    record YearAnswer(int year, boolean provisional) {
    }
}
