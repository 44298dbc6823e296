package org.jiandu.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jiandu.ProcessTestSupport;
import org.jiandu.calendar.Workdays;
import org.jiandu.stats.WorkingDayDurations.Interval;
import org.junit.jupiter.api.Test;

/** Handling times in working days over the statutory calendar, across the 2025 National Day holiday. */
class WorkingDayDurationsTest {

    private final Workdays workdays = ProcessTestSupport.workdays();
    private final WorkingDayDurations durations = new WorkingDayDurations(workdays);

    @Test
    void countsWorkingDaysAcrossAHolidayWithItsMakeUpWorkdays() {
        // 2025: 1-8 October off; Sunday 28 September and Saturday 11 October are working days
        assertThat(durations.of(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 9))).isEqualTo(1);
        assertThat(durations.of(LocalDate.of(2025, 9, 26), LocalDate.of(2025, 10, 10))).isEqualTo(5);
        assertThat(durations.of(LocalDate.of(2025, 10, 10), LocalDate.of(2025, 10, 13))).isEqualTo(2);
        assertThat(durations.of(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 3))).isZero();
    }

    @Test
    void averageAndNinetiethPercentileOfASeededSet() {
        WorkingDayDurations.Summary summary = durations.summarize(List.of(
                new Interval(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 9)),    // 1 (9 calendar days)
                new Interval(LocalDate.of(2025, 9, 26), LocalDate.of(2025, 10, 10)),   // 5
                new Interval(LocalDate.of(2025, 10, 10), LocalDate.of(2025, 10, 13)),  // 2
                new Interval(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 3)),    // 0
                new Interval(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 17)))); // 10
        assertThat(summary.count()).isEqualTo(5);
        assertThat(summary.average()).isEqualByComparingTo(new BigDecimal("3.6"));
        assertThat(summary.p90()).isEqualTo(10);
        assertThat(summary.max()).isEqualTo(10);
    }

    @Test
    void ninetiethPercentileIsTheNearestRank() {
        List<Interval> intervals = new ArrayList<>();
        LocalDate monday = LocalDate.of(2025, 11, 3);
        for (int days = 10; days >= 1; days--) {
            intervals.add(new Interval(monday, workdays.after(monday, days)));
        }
        WorkingDayDurations.Summary summary = durations.summarize(intervals);
        assertThat(summary.average()).isEqualByComparingTo(new BigDecimal("5.5"));
        assertThat(summary.p90()).isEqualTo(9);
        assertThat(summary.max()).isEqualTo(10);
    }

    @Test
    void nothingToSummarize() {
        WorkingDayDurations.Summary summary = durations.summarize(List.of());
        assertThat(summary.count()).isZero();
        assertThat(summary.average()).isNull();
        assertThat(summary.p90()).isNull();
        assertThatThrownBy(() -> new Interval(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratesAndTheEfficiencyFigures() {
        EfficiencyFigures figures = EfficiencyFigures.of(8, 7, 4, 3, 0, 0, 0);
        assertThat(figures.performance().value()).isEqualTo(0.875);
        assertThat(figures.performance().percent()).isEqualTo("87.5%");
        assertThat(figures.quality().percent()).isEqualTo("75.0%");
        assertThat(figures.satisfaction().value()).isNull();
        assertThat(figures.satisfaction().percent()).isEqualTo("—");
        assertThat(EfficiencyFigures.of(0, 0, 0, 0, 10, 6, 3).satisfaction().value()).isEqualTo(0.9);
        assertThatThrownBy(() -> new Rate(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
