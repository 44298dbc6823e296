package org.jiandu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CalendarApiTest extends IntegrationTest {

    @AfterEach
    void removeTestExceptions() {
        jdbc.update("DELETE FROM calendar_exception WHERE exception_date BETWEEN DATE '2031-01-01' AND DATE '2031-12-31'");
        jdbc.update("DELETE FROM calendar_year WHERE calendar_year = 2031");
    }

    @Test
    void addsWorkingDaysOverTheNationalDayWeek() {
        Response answer = get("supervisor", "/api/calendar/workdays/add?from=2025-09-26&days=5");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("date").asText()).isEqualTo("2025-10-10");
        assertThat(answer.body().get("provisional").asBoolean()).isFalse();
    }

    @Test
    void anUnpublishedYearIsProvisionalUntilAnAdminConfirmsIt() {
        Response answer = get("clerk", "/api/calendar/workdays/add?from=2031-09-26&days=5");
        assertThat(answer.body().get("provisional").asBoolean()).isTrue();
        assertThat(answer.body().get("note").asText()).contains("放假安排");

        assertThat(put("admin", "/api/calendar/years/2031/confirmation", null).body().get("provisional").asBoolean())
                .isFalse();
        assertThat(get("clerk", "/api/calendar/workdays/add?from=2031-09-26&days=5").body().get("provisional")
                .asBoolean()).isFalse();
    }

    @Test
    void anAdminExceptionChangesTheNextComputationAndIsAudited() {
        // Friday 3 January 2031 + 1 working day = Monday 6 January ... unless 6 January is made a day off
        String audited = "SELECT COUNT(*) FROM audit_log WHERE record_type = 'CALENDAR' AND record_no = '2031-01-06'";
        Integer auditedBefore = jdbc.queryForObject(audited, Integer.class);
        assertThat(get("clerk", "/api/calendar/workdays/add?from=2031-01-03&days=1").body().get("date").asText())
                .isEqualTo("2031-01-06");
        Response put = put("admin", "/api/calendar/exceptions/2031-01-06", Map.of("kind", "HOLIDAY", "name", "地方放假"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(get("clerk", "/api/calendar/workdays/add?from=2031-01-03&days=1").body().get("date").asText())
                .isEqualTo("2031-01-07");
        // a Saturday made a working day
        put("admin", "/api/calendar/exceptions/2031-01-04", Map.of("kind", "WORKDAY", "name", "调休上班"));
        assertThat(get("clerk", "/api/calendar/workdays/add?from=2031-01-03&days=1").body().get("date").asText())
                .isEqualTo("2031-01-04");
        assertThat(get("auditor", "/api/calendar/exceptions?year=2031").body().findValuesAsText("name"))
                .containsExactly("调休上班", "地方放假");
        assertThat(jdbc.queryForObject(audited, Integer.class)).isEqualTo(auditedBefore + 1);

        assertThat(delete("admin", "/api/calendar/exceptions/2031-01-04").status()).isEqualTo(204);
        assertThat(get("clerk", "/api/calendar/workdays/add?from=2031-01-03&days=1").body().get("date").asText())
                .isEqualTo("2031-01-07");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        Response badDate = get("clerk", "/api/calendar/workdays/add?from=2025-13-01&days=5");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.contentType()).isEqualTo("application/problem+json");
        assertThat(badDate.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(get("clerk", "/api/calendar/workdays/add?from=2025-01-01&days=abc").code()).isEqualTo("INVALID_PARAMETER");
        assertThat(get("clerk", "/api/calendar/workdays/add?from=2025-01-01").code()).isEqualTo("MISSING_PARAMETER");
        assertThat(get("clerk", "/api/calendar/workdays/add?from=2025-01-01&days=999999").code()).isEqualTo("DAYS_OUT_OF_RANGE");

        Response badKind = put("admin", "/api/calendar/exceptions/2031-02-03", Map.of("kind", "PARTY", "name", "x"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.code()).isEqualTo("MALFORMED_REQUEST");
        Response noName = put("admin", "/api/calendar/exceptions/2031-02-03", Map.of("kind", "HOLIDAY"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(noName.body().get("fields").has("name")).isTrue();
        assertThat(put("admin", "/api/calendar/exceptions/2031-02-03", "{not json").code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(delete("admin", "/api/calendar/exceptions/2031-02-04").status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_exception WHERE exception_date = DATE '2031-02-03'",
                Integer.class)).isZero();
    }
}
