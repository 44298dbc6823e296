package org.jiandu.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The complaint, rectification, public-notice and efficiency sections over a known data set of 2025,
 * written straight into the tables (numbers starting {@code ST25}, replaced before each test; no other test
 * records anything in 2025), through the API and in the annual report.
 */
class SectionFiguresTest extends IntegrationTest {

    private static final String YEAR = "?from=2025-01-01&to=2025-12-31";
    private static final String SCJ = "市市场监督管理局";
    private static final String HBJ = "市生态环境局";
    private static final String CGW = "市城市管理委员会";
    private static final String XIAN_SCJ = "清河县市场监督管理局";

    @BeforeEach
    void seed() {
        jdbc.update("DELETE FROM complaint_decision WHERE complaint_id IN (SELECT id FROM complaint WHERE tracking_no LIKE 'ST25%')");
        jdbc.update("DELETE FROM complaint_escalation WHERE complaint_id IN (SELECT id FROM complaint WHERE tracking_no LIKE 'ST25%')");
        jdbc.update("DELETE FROM complaint WHERE tracking_no LIKE 'ST25%'");
        jdbc.update("DELETE FROM rectification_entry WHERE rectification_id IN (SELECT id FROM rectification WHERE rectification_no LIKE 'ST25%')");
        jdbc.update("DELETE FROM rectification WHERE rectification_no LIKE 'ST25%'");
        jdbc.update("DELETE FROM letter_reply WHERE letter_id IN (SELECT id FROM supervision_letter WHERE letter_no LIKE 'ST25%')");
        jdbc.update("DELETE FROM supervision_letter WHERE letter_no LIKE 'ST25%'");
        jdbc.update("DELETE FROM supervision_case WHERE case_no LIKE 'ST25%'");
        jdbc.update("DELETE FROM agency_public_notice WHERE record_no LIKE 'ST25%'");

        // complaints: agency, source, field, status, registered, accepted, replied, proposal, closed
        long c1 = complaint("ST25-C1", "SCJ", "WEB", "MARKET", "CLOSED", "2025-09-30 10:00", "2025-09-30 15:00",
                "2025-10-09 10:00", "UNFOUNDED", "2025-10-15 09:00");          // 1 working day over National Day
        long c2 = complaint("ST25-C2", "SCJ", "HOTLINE_12345", "MARKET", "CLOSED", "2025-09-26 09:00", "2025-09-28 09:00",
                "2025-10-10 09:00", "FOUNDED_REPLY", "2025-10-20 09:00");      // 5 (Sunday 28 September is a workday)
        long c3 = complaint("ST25-C3", "SCJ", "LETTER", "URBAN", "REPLIED", "2025-10-10 09:00", "2025-10-11 09:00",
                "2025-10-13 09:00", null, null);                                // 2 (Saturday 11 October is a workday)
        long c4 = complaint("ST25-C4", "SCJ", "WEB", "MARKET", "REPLIED", "2025-11-03 09:00", "2025-11-04 09:00",
                "2025-11-17 09:00", null, null);                                // 10
        complaint("ST25-C5", "SCJ", "PHONE", "MARKET", "NOT_ACCEPTED", "2025-12-01 09:00", null, null, null,
                "2025-12-03 09:00");
        long h1 = complaint("ST25-H1", "HBJ", "NPC_REFERRAL", "ECOLOGY", "CLOSED", "2025-12-01 09:00", "2025-12-02 09:00",
                "2025-12-05 09:00", "UNFOUNDED", "2025-12-10 09:00");          // 4
        complaint("ST25-H2", "HBJ", "WEB", "ECOLOGY", "REPLIED", "2025-12-29 09:00", "2025-12-30 09:00",
                "2026-01-05 09:00", null, null);                                // replied the next year
        long x1 = complaint("ST25-X1", "XIAN-SCJ", "VISIT", "MARKET", "REPLIED", "2025-06-02 09:00", "2025-06-02 11:00",
                "2025-06-03 09:00", null, null);                                // 1
        complaint("ST25-N1", null, "WEB", "OTHER", "REGISTERED", "2025-07-01 09:00", null, null, null, null);
        returnVisit(c1, "SATISFIED", "2025-10-14 09:00");
        returnVisit(c2, "BASICALLY_SATISFIED", "2025-10-16 09:00");
        returnVisit(c3, "UNSATISFIED", "2025-10-14 09:00");
        returnVisit(h1, "SATISFIED", "2025-12-08 09:00");
        returnVisit(x1, "UNSATISFIED", "2025-06-05 09:00");
        escalation(c2, "2025-10-08 09:00");   // a step overdue before the reply: not on time
        escalation(c4, "2025-11-25 09:00");   // the return visit overdue, after the reply: still on time

        // letters and their replies: reply due, reply late (null: none)
        long l1 = letter("ST25-L1", "SCJ", "2025-05-10 23:59", false);
        long l2 = letter("ST25-L2", "SCJ", "2025-06-10 23:59", true);
        letter("ST25-L3", "SCJ", "2025-07-10 23:59", null);
        long l4 = letter("ST25-L4", "HBJ", "2025-08-01 23:59", false);

        // rectifications: completion due, then entries
        long r1 = rectification("ST25-R1", l1, "SCJ", "CLOSED", "2025-05-20 09:00", "2025-07-31 23:59");
        entry(r1, "COMPLETION", "2025-07-25 09:00", false);
        entry(r1, "VERIFIED", "2025-08-05 09:00", false);
        long r2 = rectification("ST25-R2", l2, "SCJ", "IMPLEMENTING", "2025-06-20 09:00", "2025-11-07 23:59");
        entry(r2, "COMPLETION", "2025-09-29 09:00", false);
        entry(r2, "VERIFICATION_FAILED", "2025-10-10 09:00", false);   // redo, due 7 November
        entry(r2, "COMPLETION", "2025-11-20 09:00", true);
        entry(r2, "VERIFICATION_FAILED", "2025-11-28 09:00", false);
        rectification("ST25-R3", l4, "HBJ", "IMPLEMENTING", "2025-08-10 09:00", "2026-03-31 23:59");

        // supervision cases: closed, with or without finding; one not filed
        supervisionCase("ST25-K1", "SCJ", "CLOSED", false, "2025-11-10 09:00");
        supervisionCase("ST25-K2", "CGW", "CLOSED", true, "2025-09-10 09:00");
        supervisionCase("ST25-K3", "HBJ", "NOT_FILED", false, "2025-09-12 09:00");

        publicNotice("SCJ", "LETTER", "ST25-L3", "2025-06-20 10:00");
        publicNotice("SCJ", "RECTIFICATION", "ST25-R2", "2025-11-15 10:00");
        publicNotice("XIAN-SCJ", "LETTER", "ST25-LX", "2026-01-10 10:00");
    }

    @Test
    void complaintsPerAgencyWithHandlingTimeInWorkingDaysAndSatisfaction() {
        JsonNode table = section("lead", "complaints", YEAR);
        assertThat(texts(table.get("headers"))).containsExactly("被投诉单位", "收到", "受理", "书面答复", "按期答复",
                "按期答复率", "平均用时（工作日）", "90%用时（工作日）", "回访", "满意", "基本满意", "不满意", "满意率");
        JsonNode scj = row(table, SCJ);
        assertThat(longs(scj, 1, 5)).containsExactly(5L, 4L, 4L, 3L);
        assertThat(scj.get(5).get("value").asDouble()).isEqualTo(0.75);
        assertThat(scj.get(6).decimalValue()).isEqualByComparingTo("4.5");   // (1 + 5 + 2 + 10) / 4
        assertThat(scj.get(7).asInt()).isEqualTo(10);
        assertThat(longs(scj, 8, 12)).containsExactly(3L, 1L, 1L, 1L);
        assertThat(scj.get(12).get("percent").asText()).isEqualTo("66.7%");
        JsonNode hbj = row(table, HBJ);
        assertThat(longs(hbj, 1, 5)).as("the complaint replied in 2026 is received, not replied").containsExactly(2L, 2L, 1L, 1L);
        assertThat(hbj.get(6).decimalValue()).isEqualByComparingTo("4.0");
        JsonNode cgw = row(table, CGW);
        assertThat(longs(cgw, 1, 5)).containsOnly(0L);
        assertThat(cgw.get(5).get("value").isNull()).isTrue();
        assertThat(cgw.get(5).get("percent").asText()).isEqualTo("—");
        assertThat(cgw.get(6).isNull()).isTrue();
        JsonNode county = row(table, XIAN_SCJ);
        assertThat(longs(county, 1, 5)).containsExactly(1L, 1L, 1L, 1L);
        assertThat(county.get(12).get("value").asDouble()).isEqualTo(0.0);
        JsonNode total = row(table, "合计");
        assertThat(longs(total, 1, 5)).as("the complaint naming no agency is not counted").containsExactly(8L, 7L, 6L, 5L);
        assertThat(total.get(6).decimalValue()).isEqualByComparingTo("3.8");   // 23 / 6
        assertThat(total.get(7).asInt()).isEqualTo(10);
        assertThat(longs(total, 8, 12)).containsExactly(5L, 2L, 1L, 2L);

        JsonNode nationalDay = section("auditor", "complaints", "?from=2025-10-09&to=2025-10-09&agency=SCJ");
        assertThat(nationalDay.get("rows")).as("one agency: no total row").hasSize(1);
        JsonNode answered = row(nationalDay, SCJ);
        assertThat(answered.get(3).asLong()).isEqualTo(1);
        assertThat(answered.get(6).decimalValue()).as("30 September to 9 October 2025").isEqualByComparingTo("1.0");
        assertThat(answered.get(7).asInt()).isEqualTo(1);
    }

    @Test
    void complaintsReceivedBySourceAndByField() {
        JsonNode sources = section("legal", "complaint-sources", YEAR);
        assertThat(longs(row(sources, "网上投诉"), 1, 5)).containsExactly(3L, 3L, 0L, 0L);
        assertThat(longs(row(sources, "来电"), 1, 5)).containsExactly(1L, 0L, 1L, 0L);
        assertThat(longs(row(sources, "12345热线转办"), 1, 5)).containsExactly(1L, 1L, 0L, 0L);
        assertThat(longs(row(sources, "政协转办"), 1, 5)).containsOnly(0L);
        assertThat(longs(row(sources, "合计"), 1, 5)).containsExactly(8L, 7L, 1L, 0L);
        JsonNode fields = section("legal", "complaint-fields", YEAR);
        assertThat(longs(row(fields, "市场监管"), 1, 5)).containsExactly(5L, 4L, 1L, 0L);
        assertThat(longs(row(fields, "生态环境"), 1, 5)).containsExactly(2L, 2L, 0L, 0L);
        assertThat(longs(row(fields, "城市管理"), 1, 5)).containsExactly(1L, 1L, 0L, 0L);
        assertThat(longs(row(fields, "其他"), 1, 5)).as("no agency named").containsOnly(0L);
        JsonNode hbjOnly = section("legal", "complaint-fields", YEAR + "&agency=HBJ");
        assertThat(longs(row(hbjOnly, "市场监管"), 1, 5)).containsOnly(0L);
        assertThat(longs(row(hbjOnly, "合计"), 1, 5)).containsExactly(2L, 2L, 0L, 0L);
    }

    @Test
    void rectificationsAndPublicNoticesPerAgency() {
        JsonNode rectifications = section("lead", "rectifications", YEAR);
        // started, completion reported, verified, verifications failed, overdue
        assertThat(longs(row(rectifications, SCJ), 1, 6)).containsExactly(2L, 2L, 1L, 2L, 1L);
        assertThat(longs(row(rectifications, HBJ), 1, 6)).containsExactly(1L, 0L, 0L, 0L, 0L);
        assertThat(longs(row(rectifications, "合计"), 1, 6)).containsExactly(3L, 2L, 1L, 2L, 1L);
        assertThat(longs(row(section("lead", "rectifications", "?from=2025-11-01&to=2025-11-30&agency=SCJ"), SCJ), 1, 6))
                .containsExactly(0L, 1L, 0L, 1L, 1L);

        JsonNode notices = section("lead", "public-notices", YEAR);
        JsonNode scj = row(notices, SCJ);
        assertThat(longs(scj, 1, 4)).containsExactly(2L, 1L, 1L);
        assertThat(scj.get(4).asText()).isEqualTo("2025-11-15");
        assertThat(longs(row(notices, XIAN_SCJ), 1, 4)).as("issued in 2026").containsOnly(0L);
        assertThat(row(notices, XIAN_SCJ).get(4).isNull()).isTrue();
        assertThat(longs(row(notices, "合计"), 1, 4)).containsExactly(2L, 1L, 1L);
    }

    @Test
    void theEfficiencyFiguresComeFromLettersRectificationsComplaintsAndCases() {
        JsonNode table = section("auditor", "efficiency", YEAR);
        JsonNode scj = row(table, SCJ);
        // duties: letters L1 (on time), L2 (late), L3 (no reply); rectifications R1 (on time, verified), R2 (overdue)
        assertThat(scj.get(1).asLong()).isEqualTo(5);
        assertThat(scj.get(2).asLong()).isEqualTo(2);
        assertThat(scj.get(3).get("value").asDouble()).isEqualTo(0.4);
        // concluded: C1 unfounded, C2 founded, case K1 with a finding
        assertThat(scj.get(4).asLong()).isEqualTo(3);
        assertThat(scj.get(5).asLong()).isEqualTo(1);
        assertThat(scj.get(6).get("percent").asText()).isEqualTo("33.3%");
        assertThat(scj.get(7).asLong()).isEqualTo(3);
        assertThat(scj.get(8).asLong()).isEqualTo(2);
        assertThat(scj.get(9).get("percent").asText()).isEqualTo("66.7%");
        JsonNode hbj = row(table, HBJ);
        assertThat(hbj.get(3).get("value").asDouble()).as("L4 on time; R3 not due yet").isEqualTo(1.0);
        assertThat(hbj.get(1).asLong()).isEqualTo(1);
        assertThat(hbj.get(6).get("value").asDouble()).as("H1 unfounded; the case not filed is not counted").isEqualTo(1.0);
        assertThat(hbj.get(4).asLong()).isEqualTo(1);
        JsonNode cgw = row(table, CGW);
        assertThat(cgw.get(3).get("percent").asText()).isEqualTo("—");
        assertThat(cgw.get(6).get("value").asDouble()).as("K2 closed with no finding").isEqualTo(1.0);
        assertThat(cgw.get(9).get("percent").asText()).isEqualTo("—");
        assertThat(row(table, XIAN_SCJ).get(9).get("value").asDouble()).isEqualTo(0.0);
    }

    @Test
    void theAnnualReportHasASheetPerSectionWithTheFigures() throws Exception {
        Response response = get("auditor", "/api/stats/annual-report?year=2025");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.bytes()))) {
            Sheet complaints = workbook.getSheet("投诉举报办理");
            assertThat(complaints).isNotNull();
            Row scj = find(complaints, SCJ);
            assertThat(scj.getCell(1).getNumericCellValue()).isEqualTo(5.0);
            assertThat(scj.getCell(5).getNumericCellValue()).isEqualTo(0.75);
            assertThat(scj.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(scj.getCell(6).getNumericCellValue()).isEqualTo(4.5);
            assertThat(scj.getCell(7).getNumericCellValue()).isEqualTo(10.0);
            assertThat(find(complaints, CGW).getCell(5).getStringCellValue()).isEqualTo("—");
            assertThat(find(workbook.getSheet("投诉举报来源"), "网上投诉").getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(find(workbook.getSheet("投诉举报执法领域"), "市场监管").getCell(1).getNumericCellValue()).isEqualTo(5.0);
            Row rectifications = find(workbook.getSheet("整改情况"), SCJ);
            assertThat(rectifications.getCell(4).getNumericCellValue()).isEqualTo(2.0);
            assertThat(rectifications.getCell(5).getNumericCellValue()).isEqualTo(1.0);
            Row notices = find(workbook.getSheet("通报情况"), SCJ);
            assertThat(notices.getCell(1).getNumericCellValue()).isEqualTo(2.0);
            assertThat(notices.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(notices.getCell(4).getLocalDateTimeCellValue().toLocalDate()).hasToString("2025-11-15");
            Row efficiency = find(workbook.getSheet("行政执法效能评价"), SCJ);
            assertThat(efficiency.getCell(3).getNumericCellValue()).isEqualTo(0.4);
            assertThat(efficiency.getCell(9).getNumericCellValue()).isEqualTo(2.0 / 3);
            List<String> cover = new ArrayList<>();
            for (Row row : workbook.getSheet("说明")) {
                Cell cell = row.getCell(1);
                if (cell != null) {
                    cover.add(cell.getStringCellValue());
                }
            }
            assertThat(cover).contains("投诉举报办理", "投诉举报来源", "投诉举报执法领域", "整改情况", "通报情况", "行政执法效能评价");
        }
    }

    // --- seeding ---

    private long complaint(String no, String agency, String source, String field, String status, String registered,
                           String accepted, String replied, String proposal, String closed) {
        jdbc.update("INSERT INTO complaint (tracking_no, query_code_hash, source, anonymous, agency_code, field_code,"
                        + " occurred_on, occurred_place, facts, demands, status, proposal, registered_by, registered_at,"
                        + " accepted_at, replied_at, closed_at, updated_at)"
                        + " VALUES (?, ?, ?, FALSE, ?, ?, ?, '某地', '事实', '诉求', ?, ?, 'clerk', ?, ?, ?, ?, ?)",
                no, "0".repeat(64), source, agency, field, java.sql.Date.valueOf(day(registered)), status, proposal,
                time(registered), time(accepted), time(replied), time(closed), time(registered));
        return jdbc.queryForObject("SELECT id FROM complaint WHERE tracking_no = ?", Long.class, no);
    }

    private void returnVisit(long complaint, String answer, String at) {
        jdbc.update("INSERT INTO complaint_decision (complaint_id, step, decision, actor, actor_role, decided_at)"
                + " VALUES (?, 'RETURN_VISIT', ?, 'clerk', 'clerk', ?)", complaint, answer, time(at));
    }

    private void escalation(long complaint, String at) {
        jdbc.update("INSERT INTO complaint_escalation (complaint_id, task_key, task_name, escalated_at)"
                + " VALUES (?, 'Task_Investigate', '调查核实并提出处理建议', ?)", complaint, time(at));
    }

    private long letter(String no, String agency, String replyDue, Boolean replyLate) {
        jdbc.update("INSERT INTO supervision_letter (letter_no, source_type, agency_code, title, body,"
                + " rectification_required, status, doc_no, signed_at, reply_due, created_by, created_at)"
                + " VALUES (?, 'DIRECT', ?, '监督建议书', '正文', TRUE, 'REPLIED', ?, ?, ?, 'supervisor', ?)",
                no, agency, no + "号", time("2025-04-01 09:00"), time(replyDue), time("2025-04-01 09:00"));
        long id = jdbc.queryForObject("SELECT id FROM supervision_letter WHERE letter_no = ?", Long.class, no);
        if (replyLate != null) {
            jdbc.update("INSERT INTO letter_reply (letter_id, reply_text, submitted_by, submitted_at, late)"
                    + " VALUES (?, '回复', 'agency-scj', ?, ?)", id, time(replyDue).minusDays(replyLate ? -3 : 3), replyLate);
        }
        return id;
    }

    private long rectification(String no, long letter, String agency, String status, String created, String due) {
        jdbc.update("INSERT INTO rectification (rectification_no, letter_id, agency_code, status, completion_due,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?)", no, letter, agency, status, time(due), time(created));
        return jdbc.queryForObject("SELECT id FROM rectification WHERE rectification_no = ?", Long.class, no);
    }

    private void entry(long rectification, String kind, String at, boolean late) {
        jdbc.update("INSERT INTO rectification_entry (rectification_id, kind, content, late, actor, occurred_at)"
                + " VALUES (?, ?, '内容', ?, 'agency-scj', ?)", rectification, kind, late, time(at));
    }

    private void supervisionCase(String no, String agency, String status, boolean noFinding, String closed) {
        jdbc.update("INSERT INTO supervision_case (case_no, source_type, agency_code, title, summary, status,"
                + " close_no_finding, created_by, created_at, closed_at)"
                + " VALUES (?, 'ROUTINE_INSPECTION', ?, '案件', '摘要', ?, ?, 'supervisor', ?, ?)",
                no, agency, status, noFinding, time("2025-03-01 09:00"), time(closed));
    }

    private void publicNotice(String agency, String recordType, String recordNo, String at) {
        jdbc.update("INSERT INTO agency_public_notice (agency_code, record_type, record_no, doc_no, document_id, issued_at)"
                + " VALUES (?, ?, ?, ?, 0, ?)", agency, recordType, recordNo, recordNo + "通报", time(at));
    }

    private static java.time.LocalDate day(String dateTime) {
        return java.time.LocalDate.parse(dateTime.substring(0, 10));
    }

    private static java.time.LocalDateTime time(String dateTime) {
        return dateTime == null ? null : java.time.LocalDateTime.parse(dateTime.replace(' ', 'T'));
    }

    // --- reading ---

    private JsonNode section(String user, String id, String query) {
        Response response = get(user, "/api/stats/" + id + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body().get("table");
    }

    private static JsonNode row(JsonNode table, String label) {
        for (JsonNode row : table.get("rows")) {
            if (row.get(0).asText().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label + " in " + table);
    }

    private static List<Long> longs(JsonNode row, int from, int to) {
        List<Long> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add(row.get(i).asLong());
        }
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static Row find(Sheet sheet, String label) {
        assertThat(sheet).isNotNull();
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).toString())) {
                return row;
            }
        }
        throw new AssertionError("no row " + label + " in sheet " + sheet.getSheetName());
    }
}
