package org.jiandu.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

    @Test
    void everyAgencyHasARowEvenWithoutLettersAndTheSectionHasATotal() throws Exception {
        // a period without letters: every agency of the lead's jurisdiction, with zeros, as in every other section
        String period = "?from=2001-01-01&to=2001-12-31";
        JsonNode letters = get("lead", "/api/stats/letters" + period).body().at("/table/rows");
        JsonNode rectifications = get("lead", "/api/stats/rectifications" + period).body().at("/table/rows");
        assertThat(names(letters)).isEqualTo(names(rectifications)).contains("市市场监督管理局", "合计");
        assertThat(names(letters).get(letters.size() - 1)).isEqualTo("合计");
        assertThat(letters.get(0).get(1).asLong()).isZero();

        // with letters: the 合计 row is the sum of the agencies' rows, in JSON and in the annual report
        String year = "?from=" + LocalDate.now().getYear() + "-01-01&to=" + LocalDate.now().getYear() + "-12-31";
        JsonNode rows = get("lead", "/api/stats/letters" + year).body().at("/table/rows");
        for (int column : new int[] {1, 2, 3, 5, 6, 7, 8, 9}) {
            long sum = 0;
            for (int i = 0; i < rows.size() - 1; i++) {
                sum += rows.get(i).get(column).asLong();
            }
            assertThat(rows.get(rows.size() - 1).get(column).asLong()).as("column " + column).isEqualTo(sum);
        }
        Response report = get("auditor", "/api/stats/annual-report?year=2025");
        assertThat(report.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.bytes()))) {
            Sheet sheet = workbook.getSheet("监督建议书与整改");
            List<String> first = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getCell(0) != null) {
                    first.add(row.getCell(0).toString());
                }
            }
            assertThat(first).contains("市市场监督管理局", "合计");
        }
    }

    private static List<String> names(JsonNode rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.get(0).asText()));
        return names;
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
