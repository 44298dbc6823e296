package org.jiandu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.jiandu.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.tyme.holiday.LegalHoliday;

/** The working-day calendar against the State Council's published arrangements for 2025 and 2026. */
class WorkdaysTest {

    private final Workdays workdays = ProcessTestSupport.workdays();

    @Test
    void workingDaysFromTheFirstDateToEachInOneWalkAreTheSumsOfTheSteps() {
        // across the Spring Festival and National Day of 2026, with their make-up Saturdays and Sundays
        java.util.TreeSet<LocalDate> dates = new java.util.TreeSet<>(List.of(LocalDate.of(2026, 2, 10),
                LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 24), LocalDate.of(2026, 2, 28),
                LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 8), LocalDate.of(2026, 10, 10), LocalDate.of(2026, 12, 31)));
        java.util.Map<LocalDate, Integer> counts = workdays.fromFirst(dates);
        assertThat(counts).hasSize(dates.size()).containsEntry(LocalDate.of(2026, 2, 10), 0)
                // 11, 12, 13 and the make-up Saturday 14 February
                .containsEntry(LocalDate.of(2026, 2, 14), 4)
                // 15-23 February off, 24 February the first working day after
                .containsEntry(LocalDate.of(2026, 2, 24), 5);
        for (LocalDate date : dates) {
            assertThat(counts.get(date)).as(date.toString()).isEqualTo(workdays.between(dates.first(), date));
        }
        assertThat(workdays.fromFirst(new java.util.TreeSet<>())).isEmpty();
    }

    @Test
    void nationalDay2025WithItsMakeUpWorkdays() {
        // 2025: 1-8 October off; Sunday 28 September and Saturday 11 October are working days
        assertThat(workdays.after(LocalDate.of(2025, 9, 26), 5)).isEqualTo(LocalDate.of(2025, 10, 10));
        assertThat(workdays.isWorkday(LocalDate.of(2025, 9, 28))).isTrue();
        assertThat(workdays.isWorkday(LocalDate.of(2025, 10, 8))).isFalse();
        assertThat(workdays.isWorkday(LocalDate.of(2025, 10, 11))).isTrue();
        assertThat(workdays.after(LocalDate.of(2025, 9, 30), 1)).isEqualTo(LocalDate.of(2025, 10, 9));
    }

    @Test
    void springFestival2025() {
        // 2025: 28 January to 4 February off; Sunday 26 January and Saturday 8 February are working days
        assertThat(workdays.isWorkday(LocalDate.of(2025, 1, 26))).isTrue();
        for (LocalDate day = LocalDate.of(2025, 1, 28); !day.isAfter(LocalDate.of(2025, 2, 4)); day = day.plusDays(1)) {
            assertThat(workdays.isWorkday(day)).as(day.toString()).isFalse();
        }
        assertThat(workdays.isWorkday(LocalDate.of(2025, 2, 8))).isTrue();
        assertThat(workdays.after(LocalDate.of(2025, 1, 27), 1)).isEqualTo(LocalDate.of(2025, 2, 5));
    }

    @Test
    void springFestivalAndNationalDay2026() {
        // 2026: 15-23 February off, Saturday 14 and Saturday 28 February worked;
        // 1-7 October off, Sunday 20 September and Saturday 10 October worked
        assertThat(workdays.isWorkday(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(workdays.isWorkday(LocalDate.of(2026, 2, 16))).isFalse();
        assertThat(workdays.isWorkday(LocalDate.of(2026, 2, 23))).isFalse();
        assertThat(workdays.isWorkday(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(workdays.after(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(workdays.after(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(workdays.isWorkday(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(workdays.isWorkday(LocalDate.of(2026, 10, 7))).isFalse();
        assertThat(workdays.isWorkday(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(workdays.after(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void zeroDaysIsTheDayItselfOrTheNextWorkingDay() {
        assertThat(workdays.after(LocalDate.of(2026, 11, 20), 0)).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(workdays.after(LocalDate.of(2026, 11, 21), 0)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(workdays.after(LocalDate.of(2026, 10, 1), 0)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void largeAndNegativeCountsAgreeWithCountingDayByDay() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate after = workdays.after(from, 500);
        assertThat(workdays.between(from, after)).isEqualTo(500);
        // 2025: 261 weekdays, 18 of them holidays, 5 weekend make-up days = 248 working days
        assertThat(workdays.between(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31))).isEqualTo(248);
        assertThat(workdays.after(after, -500)).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(workdays.after(LocalDate.of(2025, 10, 9), -1)).isEqualTo(LocalDate.of(2025, 9, 30));
    }

    @Test
    void yearsWithoutAPublishedArrangementFollowTheStatutoryHolidaysAndAreProvisional() {
        // 2027: 春节 is 6 February (除夕 5 February); 国庆 1-3 October
        assertThat(workdays.provisional(2027)).isTrue();
        assertThat(workdays.provisional(2026)).isFalse();
        assertThat(workdays.isWorkday(LocalDate.of(2027, 2, 5))).isFalse();
        assertThat(workdays.isWorkday(LocalDate.of(2027, 2, 8))).isFalse();
        assertThat(workdays.isWorkday(LocalDate.of(2027, 2, 9))).isTrue();
        assertThat(workdays.isWorkday(LocalDate.of(2027, 10, 1))).isFalse();
        assertThat(LocalDate.of(2027, 10, 4).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(workdays.isWorkday(LocalDate.of(2027, 10, 4))).isTrue();
        StatutoryCalendar statutory = new StatutoryCalendar();
        assertThat(statutory.fallbackHolidays(2027)).contains(LocalDate.of(2027, 4, 5), LocalDate.of(2027, 5, 1),
                LocalDate.of(2027, 5, 2), LocalDate.of(2027, 6, 9), LocalDate.of(2027, 9, 15), LocalDate.of(2027, 1, 1));
    }

    @Test
    void anAdminExceptionOverridesTheStatutoryCalendar() {
        CalendarExceptionMapper exceptions = mock(CalendarExceptionMapper.class);
        when(exceptions.findBetween(any(), any())).thenReturn(List.of(
                new CalendarException(LocalDate.of(2025, 10, 9), DayKind.HOLIDAY, "地方防汛放假", "admin", LocalDateTime.now()),
                new CalendarException(LocalDate.of(2025, 10, 8), DayKind.WORKDAY, "集中办公", "admin", LocalDateTime.now())));
        Workdays local = new Workdays(new StatutoryCalendar(), exceptions, "Asia/Shanghai");
        // 30 September + 1: 8 October (made a workday by the admin), then 10 October (9 October is off)
        assertThat(local.after(LocalDate.of(2025, 9, 30), 1)).isEqualTo(LocalDate.of(2025, 10, 8));
        assertThat(local.after(LocalDate.of(2025, 9, 30), 2)).isEqualTo(LocalDate.of(2025, 10, 10));
    }

    @Test
    void aDueDateAndItsReminderCountedBackFromItReadTheExceptionsOnceInATransaction() {
        CalendarExceptionMapper exceptions = mock(CalendarExceptionMapper.class);
        when(exceptions.findBetween(any(), any())).thenReturn(List.of());
        Workdays local = new Workdays(new StatutoryCalendar(), exceptions, "Asia/Shanghai");
        TransactionSynchronizationManager.initSynchronization();
        try {
            // Friday 4 December 2026: due on the 5th working day, reminded 2 working days before
            LocalDate due = local.after(LocalDate.of(2026, 12, 4), 5);
            assertThat(due).isEqualTo(LocalDate.of(2026, 12, 11));
            assertThat(local.after(due, -2)).isEqualTo(LocalDate.of(2026, 12, 9));
            verify(exceptions, times(1)).findBetween(any(), any());
        } finally {
            TransactionSynchronizationManager.unbindResourceIfPossible(Workdays.CACHE);
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void theStatutoryDaysKeptPerYearAreTyme4jsDayByDay() {
        StatutoryCalendar statutory = new StatutoryCalendar();
        for (LocalDate date = LocalDate.of(2001, 1, 1); date.getYear() <= 2030; date = date.plusDays(1)) {
            LegalHoliday holiday = LegalHoliday.fromYmd(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
            Optional<DayKind> expected = holiday != null
                    ? Optional.of(holiday.isWork() ? DayKind.WORKDAY : DayKind.HOLIDAY)
                    : !statutory.published(date.getYear()) && statutory.fallbackHolidays(date.getYear()).contains(date)
                            ? Optional.of(DayKind.HOLIDAY) : Optional.empty();
            assertThat(statutory.kindOf(date)).as(date.toString()).isEqualTo(expected);
        }
    }
}
