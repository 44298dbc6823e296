package org.jiandu.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * No personal data of a complainant and no internal opinion reaches Camunda's history, whichever door it came
 * through (our API, Tasklist's form submission): after the whole chain, with every process at its end, the history
 * of variables, variable and form-field updates, and comments holds none of the planted texts.
 */
class HistoryPrivacyTest extends TraceChainSupport {

    @Test
    void noPlantedTextIsInCamundasHistoryAfterTheWholeChain() {
        Chain chain = chain();
        assertThat(chain.processInstanceIds()).hasSizeGreaterThanOrEqualTo(5);
        List<Map<String, Object>> open = jdbc.queryForList("SELECT BUSINESS_KEY_, PROC_DEF_KEY_ FROM ACT_HI_PROCINST"
                + " WHERE END_TIME_ IS NULL AND BUSINESS_KEY_ IN (?, ?, ?, ?, ?)", chain.trackingNo(), chain.caseNo(),
                chain.letterNo(), chain.rectificationNo(), chain.clueNo());
        assertThat(open).as("every process of the chain has run its full path").isEmpty();

        List<String> texts = new ArrayList<>();
        for (String table : List.of("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_COMMENT", "ACT_HI_OP_LOG")) {
            texts.addAll(rows("SELECT * FROM " + table, table));
        }
        texts.addAll(rows("SELECT * FROM ACT_GE_BYTEARRAY WHERE ID_ IN (SELECT BYTEARRAY_ID_ FROM ACT_HI_VARINST)"
                + " OR ID_ IN (SELECT BYTEARRAY_ID_ FROM ACT_HI_DETAIL)", "ACT_GE_BYTEARRAY"));
        assertThat(texts).isNotEmpty();
        for (String marker : Markers.ALL) {
            assertThat(texts).as("Camunda history holding " + marker).noneMatch(text -> text.contains(marker));
        }
        // the history still records the decisions
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ = 'legalPassed'"
                + " AND PROC_INST_ID_ IN (SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?)", Integer.class,
                chain.letterNo())).isEqualTo(1);
    }

    @Test
    void theAuditLogNamesNoComplainantWhicheverDoorTheReplyCameThrough() {
        Chain chain = chain();
        List<String> rows = rows("SELECT * FROM audit_log WHERE record_no IN ('" + String.join("', '", chain.trackingNo(),
                chain.caseNo(), chain.letterNo(), chain.rectificationNo(), chain.clueNo()) + "')", "audit_log");
        assertThat(rows).anyMatch(row -> row.contains("TASK_COMPLETED") && row.contains("replyText"));
        for (String personal : List.of(Markers.NAME, Markers.PHONE, Markers.ADDRESS, Markers.REPLY)) {
            assertThat(rows).as("audit log holding " + personal).noneMatch(row -> row.contains(personal));
        }
    }

    /** Every row of a query as one text: its columns, byte arrays decoded as UTF-8. */
    private List<String> rows(String sql, String table) {
        List<String> texts = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList(sql)) {
            StringBuilder text = new StringBuilder(table).append(':');
            row.forEach((column, value) -> text.append(' ').append(column).append('=').append(value instanceof byte[] bytes
                    ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value)));
            texts.add(text.toString());
        }
        return texts;
    }
}
