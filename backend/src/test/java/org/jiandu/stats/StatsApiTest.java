package org.jiandu.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiandu.IntegrationTest;
import org.jiandu.document.DocumentStore;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Statistics over the seeded set of {@link TestComplaintDurations}, and the annual report that holds them. */
class StatsApiTest extends IntegrationTest {

    private static final String SECTION = "test-complaint-durations";

    @Test
    void figuresPerAgencyWithinTheCallersJurisdiction() {
        Response response = get("legal", "/api/stats/" + SECTION + "?from=2025-01-01&to=2025-12-31");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode rows = response.body().get("table").get("rows");
        JsonNode scj = row(rows, "SCJ");
        assertThat(scj.get(1).asInt()).isEqualTo(4);
        assertThat(scj.get(2).decimalValue()).isEqualByComparingTo("4.5");   // (1 + 5 + 2 + 10) / 4
        assertThat(scj.get(3).asInt()).isEqualTo(10);
        assertThat(scj.get(4).get("value").asDouble()).isEqualTo(0.75);
        assertThat(scj.get(4).get("percent").asText()).isEqualTo("75.0%");
        JsonNode hbj = row(rows, "HBJ");
        assertThat(hbj.get(1).asInt()).as("the complaint answered in 2026 is not counted").isEqualTo(1);
        assertThat(hbj.get(2).decimalValue()).isEqualByComparingTo("4.0");
        assertThat(row(rows, "XIAN-SCJ").get(1).asInt()).isEqualTo(1);

        Response oneAgency = get("auditor", "/api/stats/" + SECTION + "?from=2025-10-01&to=2025-10-31&agency=SCJ");
        assertThat(oneAgency.status()).isEqualTo(200);
        assertThat(oneAgency.body().get("table").get("rows")).hasSize(1);
        assertThat(row(oneAgency.body().get("table").get("rows"), "SCJ").get(1).asInt()).isEqualTo(3);

        Response all = get("supervisor", "/api/stats?from=2025-01-01&to=2025-12-31");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().findValuesAsText("id")).contains(SECTION);

        assertThat(get("legal", "/api/stats/" + SECTION + "?from=2025-01-01&to=2025-12-31&agency=NOPE").code())
                .isEqualTo("AGENCY_NOT_FOUND");
        assertThat(get("legal", "/api/stats/nothing?from=2025-01-01&to=2025-12-31").status()).isEqualTo(404);
        assertThat(get("legal", "/api/stats/" + SECTION + "?from=2025-12-31&to=2025-01-01").code())
                .isEqualTo("PERIOD_INVALID");
        assertThat(get("agency-scj", "/api/stats?from=2025-01-01&to=2025-12-31").status()).isEqualTo(403);
    }

    @Test
    void countyStaffCountOnlyTheirCounty() {
        String user = "cnty-" + System.nanoTime() % 1_000_000;
        Response created = post("admin", "/api/admin/users", Map.of("userId", user, "displayName", "县监督员",
                "password", "county-lead-1", "orgCode", "XIAN-SCJ", "roles", List.of("lead")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response response = callWithPassword(org.springframework.http.HttpMethod.GET, user, "county-lead-1",
                "/api/stats/" + SECTION + "?from=2025-01-01&to=2025-12-31", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("table").get("rows")).hasSize(1);
        assertThat(response.body().get("table").get("rows").get(0).get(0).asText()).isEqualTo("XIAN-SCJ");
    }

    @Test
    void annualReportIsAnXlsxWithOneSheetPerSectionHoldingTheFigures() throws Exception {
        Response response = get("auditor", "/api/stats/annual-report?year=2025");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String sha = DocumentStore.sha256(response.bytes());
        assertThat(response.headers().getFirst("X-Content-SHA256")).isEqualTo(sha);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.bytes()))) {
            Sheet cover = workbook.getSheet("说明");
            assertThat(cover.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2025年度行政执法监督工作报告数据");
            assertThat(cover.getRow(2).getCell(1).getStringCellValue()).isEqualTo("2025-01-01 至 2025-12-31");
            assertThat(cover.getRow(3).getCell(1).getStringCellValue()).isEqualTo("市人民政府");
            Sheet sheet = workbook.getSheet("测试·投诉办理用时");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("平均用时（工作日）");
            Row scj = find(sheet, "SCJ");
            assertThat(scj.getCell(1).getNumericCellValue()).isEqualTo(4.0);
            assertThat(scj.getCell(2).getNumericCellValue()).isEqualTo(4.5);
            assertThat(scj.getCell(3).getNumericCellValue()).isEqualTo(10.0);
            assertThat(scj.getCell(4).getNumericCellValue()).isEqualTo(0.75);
            assertThat(scj.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        }
        List<Map<String, Object>> audit = jdbc.queryForList("SELECT actor, changes FROM audit_log WHERE record_type = "
                + "'ANNUAL_REPORT' AND record_no = 'CITY-2025' AND action = 'REPORT_EXPORTED' ORDER BY seq_no DESC");
        assertThat(audit).isNotEmpty();
        assertThat(audit.get(0).get("actor")).isEqualTo("auditor");
        assertThat((String) audit.get(0).get("changes")).contains(sha);

        assertThat(get("auditor", "/api/stats/annual-report?year=1999").code()).isEqualTo("YEAR_OUT_OF_RANGE");
        assertThat(get("clerk", "/api/stats/annual-report?year=2025").status()).isEqualTo(403);
    }

    private static JsonNode row(JsonNode rows, String agency) {
        for (JsonNode row : rows) {
            if (row.get(0).asText().equals(agency)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + agency + " in " + rows);
    }

    private static Row find(Sheet sheet, String agency) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && agency.equals(row.getCell(0).toString())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + agency);
    }
}
