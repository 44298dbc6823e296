package org.jiandu.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.tyme.holiday.LegalHoliday;
import com.tyme.lunar.LunarDay;
import com.tyme.solar.SolarDay;
import com.tyme.solar.SolarTerm;

/**
 * The State Council's holiday arrangements as tyme4j publishes them (holidays and make-up workdays).
 * For a year tyme4j has no arrangement for yet, the statutory holidays of 全国年节及纪念日放假办法
 * (revised 2024) stand in: 元旦, 春节 from 除夕 to 初三, 清明, 劳动节 1-2 May, 端午, 中秋 and
 * 国庆 1-3 October, with lunar dates computed. Such a year is provisional: the published arrangement
 * moves days around weekends, which no rule can foresee.
 */
@Component
public class StatutoryCalendar {

    private final Map<Integer, Boolean> published = new ConcurrentHashMap<>();
    private final Map<Integer, Map<LocalDate, DayKind>> statutoryDays = new ConcurrentHashMap<>();

    /** Whether tyme4j holds the published arrangement for this year (static library data, safe to cache). */
    public boolean published(int year) {
        return published.computeIfAbsent(year, y -> LegalHoliday.fromYmd(y, 1, 1) != null);
    }

    /** What the statutory data says of a date, or empty when the Monday-Friday rule applies. */
    public Optional<DayKind> kindOf(LocalDate date) {
        return Optional.ofNullable(statutoryDays.computeIfAbsent(date.getYear(), this::statutoryDaysOf).get(date));
    }

    /**
     * The days of a year the statutory data names, looked up in tyme4j once per year (static library data): tyme4j
     * finds a date by a regular expression over its whole table, which was half of the due-date flags' time on an
     * inbox page that asks it for every task's dates.
     */
    private Map<LocalDate, DayKind> statutoryDaysOf(int year) {
        Map<LocalDate, DayKind> days = new HashMap<>();
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            LegalHoliday holiday = LegalHoliday.fromYmd(year, date.getMonthValue(), date.getDayOfMonth());
            if (holiday != null) {
                days.put(date, holiday.isWork() ? DayKind.WORKDAY : DayKind.HOLIDAY);
            }
        }
        if (!published(year)) {
            fallbackHolidays(year).forEach(date -> days.putIfAbsent(date, DayKind.HOLIDAY));
        }
        return Map.copyOf(days);
    }

    /**
     * The statutory holidays of a year by the 2024 rules, without weekend arrangements (computed each time: the
     * look-ups go through {@link #kindOf}, which keeps a year's days once made).
     */
    public Set<LocalDate> fallbackHolidays(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, 1, 1));                                   // 元旦
        LocalDate springFestival = toLocal(LunarDay.fromYmd(year, 1, 1).getSolarDay());
        for (int i = -1; i <= 2; i++) {                                      // 春节: 除夕 to 初三
            days.add(springFestival.plusDays(i));
        }
        days.add(toLocal(SolarTerm.fromName(year, "清明").getSolarDay()));   // 清明
        days.add(LocalDate.of(year, 5, 1));                                   // 劳动节
        days.add(LocalDate.of(year, 5, 2));
        days.add(toLocal(LunarDay.fromYmd(year, 5, 5).getSolarDay()));       // 端午
        days.add(toLocal(LunarDay.fromYmd(year, 8, 15).getSolarDay()));      // 中秋
        for (int day = 1; day <= 3; day++) {                                  // 国庆
            days.add(LocalDate.of(year, 10, day));
        }
        return Set.copyOf(days);
    }

    private static LocalDate toLocal(SolarDay day) {
        return LocalDate.of(day.getYear(), day.getMonth(), day.getDay());
    }
}
