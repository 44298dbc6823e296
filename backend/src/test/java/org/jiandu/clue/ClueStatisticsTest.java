package org.jiandu.clue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/** The clue figures of the statistics: counted per agency and per category, and only as far as the caller may know. */
class ClueStatisticsTest extends IntegrationTest {

    private static final String AGENCY = "市城市管理委员会";

    @Autowired
    Clock clock;

    @Test
    void transfersAreCountedPerAgencyAndCategoryForThoseWhoMayKnow() {
        String period = "?from=" + LocalDate.now(clock).withDayOfYear(1) + "&to=" + LocalDate.now(clock).withDayOfYear(1)
                .plusYears(1).minusDays(1);
        List<Long> leadBefore = agencyRow("lead", period);
        List<Long> supervisorBefore = agencyRow("supervisor", period);
        List<Long> otherSupervisorBefore = agencyRow("supervisor2", period);
        List<Long> categoryBefore = categoryRow("auditor", period, "不作为、乱作为，不履行或者不正确履行法定职责的");

        Response proposed = post("supervisor", "/api/clues", Map.of("categoryCode", "INACTION",
                "facts", "对占道经营投诉长期不予处理。", "personsInvolved", "陈某（中队长）", "agencyCode", "CGW"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        long id = proposed.body().get("id").asLong();
        post("legal", "/api/clues/" + id + "/legal-review", Map.of("passed", true, "opinion", "同意。"));
        assertThat(post("lead", "/api/clues/" + id + "/approval", Map.of("approved", true, "opinion", "同意。"))
                .body().get("status").asText()).isEqualTo("TRANSFERRED");

        // proposed, transferred, to the commission, to judicial bodies, outcomes, overdue
        assertThat(delta(leadBefore, agencyRow("lead", period))).containsExactly(1L, 1L, 1L, 0L, 0L, 0L);
        assertThat(delta(supervisorBefore, agencyRow("supervisor", period))).containsExactly(1L, 1L, 1L, 0L, 0L, 0L);
        assertThat(delta(otherSupervisorBefore, agencyRow("supervisor2", period))).containsOnly(0L);
        // transferred, then one column per outcome, then not yet answered
        List<Long> categoryDelta = delta(categoryBefore, categoryRow("auditor", period,
                "不作为、乱作为，不履行或者不正确履行法定职责的"));
        assertThat(categoryDelta.get(0)).isEqualTo(1L);
        assertThat(categoryDelta.get(categoryDelta.size() - 1)).isEqualTo(1L);
        assertThat(categoryDelta.subList(1, categoryDelta.size() - 1)).containsOnly(0L);
        assertThat(get("agency-scj", "/api/stats/clues" + period).status()).isEqualTo(403);
    }

    private List<Long> agencyRow(String user, String period) {
        return row(user, "/api/stats/clues" + period, AGENCY);
    }

    private List<Long> categoryRow(String user, String period, String category) {
        return row(user, "/api/stats/clue-categories" + period, category);
    }

    private List<Long> row(String user, String path, String label) {
        Response figures = get(user, path);
        assertThat(figures.status()).as(figures.toString()).isEqualTo(200);
        for (JsonNode row : figures.body().get("table").get("rows")) {
            if (row.get(0).asText().equals(label)) {
                List<Long> values = new java.util.ArrayList<>();
                for (int i = 1; i < row.size(); i++) {
                    values.add(row.get(i).asLong());
                }
                return values;
            }
        }
        throw new AssertionError("no row " + label + " in " + figures);
    }

    private static List<Long> delta(List<Long> before, List<Long> after) {
        return java.util.stream.IntStream.range(0, after.size()).mapToObj(i -> after.get(i) - before.get(i)).toList();
    }
}
