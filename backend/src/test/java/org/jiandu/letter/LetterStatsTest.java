package org.jiandu.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Statistics section {@code letters}: a letter served, replied to on time, counts once for its agency. */
class LetterStatsTest extends IntegrationTest {

    @Test
    void aLetterServedAndRepliedOnTimeCountsForItsAgency() {
        String period = "/api/stats/letters?agency=SCJ&from=" + LocalDate.now().minusDays(1) + "&to="
                + LocalDate.now().plusDays(90);
        JsonNode before = row(get("lead", period).body());

        Response created = post("supervisor", "/api/letters", Map.of("agencyCode", "SCJ", "source", "DIRECT",
                "title", "关于规范市场监管执法的监督建议书", "body", "请规范执法。", "rectificationRequired", false));
        long id = created.body().at("/letter/id").asLong();
        post("supervisor", "/api/letters/" + id + "/draft", Map.of("agencyCode", "SCJ",
                "title", "关于规范市场监管执法的监督建议书", "body", "请规范执法。", "rectificationRequired", false));
        post("legal", "/api/letters/" + id + "/legal-review", Map.of("passed", true));
        post("lead", "/api/letters/" + id + "/sign", Map.of("passed", true));
        assertThat(get("agency-scj", period).status()).isEqualTo(403);
        post("agency-scj", "/api/letters/" + id + "/receive", null);
        post("agency-scj", "/api/letters/" + id + "/reply", Map.of("text", "已规范。"));
        JsonNode after = row(get("auditor", period).body());
        assertThat(count(after, 1) - count(before, 1)).as("served").isEqualTo(1);
        assertThat(count(after, 2) - count(before, 2)).as("replies due").isEqualTo(1);
        assertThat(count(after, 3) - count(before, 3)).as("replied on time").isEqualTo(1);
        assertThat(after.get(4).get("denominator").asLong()).isEqualTo(count(after, 2));
    }

    private static JsonNode row(JsonNode section) {
        assertThat(section.at("/table/headers/0").asText()).isEqualTo("被监督单位");
        for (JsonNode row : section.at("/table/rows")) {
            if (row.get(0).asText().equals("市市场监督管理局")) {
                return row;
            }
        }
        return null;
    }

    private static long count(JsonNode row, int column) {
        return row == null ? 0 : row.get(column).asLong();
    }
}
