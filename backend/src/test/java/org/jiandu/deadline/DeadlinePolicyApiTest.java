package org.jiandu.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;

class DeadlinePolicyApiTest extends IntegrationTest {

    @Test
    void everyoneReadsThePoliciesWithTheirDefaults() {
        Response list = get("agency-scj", "/api/deadline-policies");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().findValuesAsText("policyKey")).contains("complaint.acceptance", "letter.reply", "clue.outcome");
        Response acceptance = get("clerk", "/api/deadline-policies/complaint.acceptance");
        assertThat(acceptance.body().get("days").asInt()).isEqualTo(5);
        assertThat(acceptance.body().get("dayKind").asText()).isEqualTo("WORKING");
    }

    @Test
    void aChangeAppliesToTheNextComputedDeadline() {
        String key = "rectification.verification";
        Response before = get("lead", "/api/deadline-policies/" + key + "/due?from=2025-09-26");
        assertThat(before.body().get("due").asText()).isEqualTo("2025-10-16");   // 10 working days over National Day
        try {
            Response changed = put("admin", "/api/deadline-policies/" + key,
                    Map.of("days", 5, "dayKind", "WORKING", "reminderDays", 1));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(get("lead", "/api/deadline-policies/" + key + "/due?from=2025-09-26").body().get("due").asText())
                    .isEqualTo("2025-10-10");
            put("admin", "/api/deadline-policies/" + key, Map.of("days", 10, "dayKind", "CALENDAR", "reminderDays", 1));
            // 10 calendar days from 26 September is 6 October, a holiday: the deadline moves to 9 October
            assertThat(get("lead", "/api/deadline-policies/" + key + "/due?from=2025-09-26").body().get("due").asText())
                    .isEqualTo("2025-10-09");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE record_type = 'DEADLINE_POLICY' AND record_no = ?",
                    Integer.class, key)).isGreaterThanOrEqualTo(2);
        } finally {
            put("admin", "/api/deadline-policies/" + key, Map.of("days", 10, "dayKind", "WORKING", "reminderDays", 2));
        }
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String key = "complaint.reply";
        assertThat(put("admin", "/api/deadline-policies/" + key, Map.of("days", -1, "dayKind", "WORKING", "reminderDays", 1))
                .code()).isEqualTo("VALIDATION_FAILED");
        assertThat(put("admin", "/api/deadline-policies/" + key, Map.of("days", 5, "dayKind", "LUNAR", "reminderDays", 1))
                .code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(put("admin", "/api/deadline-policies/" + key, Map.of("days", "five", "dayKind", "WORKING", "reminderDays", 1))
                .code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(put("admin", "/api/deadline-policies/" + key, Map.of("dayKind", "WORKING", "reminderDays", 1))
                .code()).isEqualTo("VALIDATION_FAILED");
        assertThat(put("admin", "/api/deadline-policies/" + key, Map.of("days", 2, "dayKind", "WORKING", "reminderDays", 3))
                .code()).isEqualTo("REMINDER_AFTER_START");
        Response unknown = put("admin", "/api/deadline-policies/no.such", Map.of("days", 2, "dayKind", "WORKING", "reminderDays", 1));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("DEADLINE_POLICY_NOT_FOUND");
        Response unchanged = get("clerk", "/api/deadline-policies/" + key);
        assertThat(unchanged.body().get("days").asInt()).isEqualTo(5);
        assertThat(unchanged.body().get("reminderDays").asInt()).isEqualTo(2);
    }
}
