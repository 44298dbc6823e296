package org.jiandu.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jiandu.trace.TraceChainSupport.Markers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One test per audience over the whole chain (complaint → case → letter → rectification → 催办 → 督办 → clue): what
 * each sees in the trace, in the exported .docx and in the diagrams, and what it does not see. The trace is an
 * allow-list per audience: an agency sees what was addressed to it or done by it, the commission its clue, staff
 * everything but the clues they need not know, auditors also the allow-listed decision variables.
 */
class TraceAudienceTest extends TraceChainSupport {

    /** What the complainant wrote about themself and the reply naming them: in nobody's trace. */
    private static final List<String> PERSONAL = List.of(Markers.NAME, Markers.PHONE, Markers.ADDRESS, Markers.REPLY);

    /** The supervision body's and the commission's internal opinions: never shown to an agency. */
    private static final List<String> INTERNAL = List.of(Markers.ACCEPTANCE_REASON, Markers.FINDINGS, Markers.VISIT,
            Markers.FILING_REASON, Markers.EVIDENCE, Markers.EVIDENCE_FILE, Markers.OPINION, Markers.MINUTES,
            Markers.LEGAL_NOTE, Markers.SUPERVISION, Markers.CLUE_FACTS, Markers.CLUE_PERSONS, Markers.CLUE_LEGAL,
            Markers.CLUE_APPROVAL, Markers.RECEIPT, Markers.OUTCOME, Markers.VERIFICATION);

    @Test
    void agencySeesOnlyWhatWasAddressedToItOrDoneByIt() {
        Chain chain = chain();
        // the letter's trace (and the case's and the complaint's, which it followed from) holds its rectification
        for (String key : List.of(chain.letterNo(), chain.caseNo(), chain.trackingNo())) {
            View view = view("agency-scj", key);
            assertThat(view.processKeys()).as(key).containsExactlyInAnyOrder("supervision-letter", "rectification-tracking");
            assertThat(view.completedTasks()).as(key).containsExactly("Task_ReceiveLetter:agency-scj",
                    "Task_ReplyLetter:agency-scj", "Task_SubmitPlan:agency-scj", "Task_SubmitCompletion:agency-scj");
            // the case's corrective decision was served on it too (the letter's own trace does not hold the case)
            boolean withCase = !key.equals(chain.letterNo());
            List<String> actions = new ArrayList<>(List.of("LETTER_ISSUED", "LETTER_RECEIVED",
                    "REPLY_SUBMITTED", "REPLY_ACCEPTED", "LETTER_CLOSED", "RECTIFICATION_OPENED", "ESCALATION_WARNING",
                    "REMINDER_NOTICE_ISSUED", "PUBLIC_NOTICE_ISSUED", "PLAN_SUBMITTED", "COMPLETION_REPORTED",
                    "VERIFICATION_PASSED", "RECTIFICATION_CLOSED"));
            List<String> documents = new ArrayList<>(List.of("SUGGESTION_LETTER", "REMINDER_NOTICE", "PUBLIC_NOTICE"));
            if (withCase) {
                actions.add("CORRECTIVE_DECISION_ISSUED");
                documents.add("CORRECTIVE_DECISION");
            }
            assertThat(view.auditActions()).as(key).containsExactlyInAnyOrderElementsOf(actions);
            assertThat(view.documentTypes()).as(key).containsExactlyInAnyOrderElementsOf(documents);
            assertThat(view.trace().findValuesAsText("name")).contains("签收建议书", "催办通知", "通报", "整改验收通过");
            // the progress report was open when the completion was reported, which ended it
            assertThat(view.passed()).as(key).containsOnlyKeys("Task_ReceiveLetter", "Task_ReplyLetter",
                    "Task_SubmitPlan", "Task_ReportProgress", "Task_SubmitCompletion");
            assertThat(view.docx()).contains("签收建议书", "书面回复", "报送整改方案");
            assertAddressedToTheAgencyOnly(view, chain);
        }
        View rectification = view("agency-scj", chain.rectificationNo());
        assertThat(rectification.processKeys()).containsExactly("rectification-tracking");
        assertThat(rectification.completedTasks()).containsExactly("Task_SubmitPlan:agency-scj",
                "Task_SubmitCompletion:agency-scj");
        assertThat(rectification.auditActions()).containsExactlyInAnyOrder("RECTIFICATION_OPENED", "ESCALATION_WARNING",
                "REMINDER_NOTICE_ISSUED", "PUBLIC_NOTICE_ISSUED", "PLAN_SUBMITTED", "COMPLETION_REPORTED",
                "VERIFICATION_PASSED", "RECTIFICATION_CLOSED");
        assertThat(rectification.documentTypes()).containsExactlyInAnyOrder("REMINDER_NOTICE", "PUBLIC_NOTICE");
        assertThat(rectification.passed()).containsOnlyKeys("Task_SubmitPlan", "Task_ReportProgress",
                "Task_SubmitCompletion");
        assertAddressedToTheAgencyOnly(rectification, chain);

        assertThat(get("agency-scj", "/api/trace/" + chain.clueNo()).status()).isEqualTo(404);
        for (String path : List.of("", "/export", "/diagram")) {
            Response other = get("agency-hbj", "/api/trace/" + chain.rectificationNo() + path);
            assertThat(other.status()).isEqualTo(404);
            assertThat(other.code()).isEqualTo("TRACE_NOT_FOUND");
        }
    }

    @Test
    void agencySeesACaseOnlyOnceSomethingWasServedOnIt() {
        Response opened = post("supervisor", "/api/cases", java.util.Map.of("sourceType", "SPECIAL_INSPECTION",
                "agencyCode", "HBJ", "title", "生态环境局行政检查专项监督", "summary", "专项检查发现程序问题。"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long id = opened.body().at("/supervisionCase/id").asLong();
        String caseNo = opened.body().at("/supervisionCase/caseNo").asText();
        ok(post("lead", "/api/cases/" + id + "/filing", java.util.Map.of("approved", true, "reason", Markers.FILING_REASON)));
        ok(post("supervisor", "/api/cases/" + id + "/investigation/finish",
                java.util.Map.of("participants", List.of("supervisor"))));
        ok(post("supervisor", "/api/cases/" + id + "/deliberation/opinion", java.util.Map.of("opinion", Markers.OPINION)));
        // while the case is deliberated the agency concerned learns nothing of it
        for (String path : List.of("", "/export", "/diagram")) {
            assertThat(get("agency-hbj", "/api/trace/" + caseNo + path).status()).as(path).isEqualTo(404);
        }

        ok(post("supervisor", "/api/cases/" + id + "/decision", java.util.Map.of("minutes", Markers.MINUTES,
                "closeNoFinding", false, "correctiveDecision", "责令你单位依法重新作出检查决定。")));
        View view = view("agency-hbj", caseNo);
        assertThat(view.processKeys()).isEmpty();
        assertThat(view.auditActions()).containsExactly("CORRECTIVE_DECISION_ISSUED");
        assertThat(view.documentTypes()).containsExactly("CORRECTIVE_DECISION");
        assertThat(view.diagramKeys()).isEmpty();
        view.assertNowhere(List.of(Markers.FILING_REASON, Markers.OPINION, Markers.MINUTES, "Task_Deliberate",
                "CASE_FILED", "supervisor"));
        assertThat(get("agency-scj", "/api/trace/" + caseNo).status()).isEqualTo(404);
    }

    @Test
    void disciplineCommissionSeesOnlyItsClueAsSentToIt() {
        Chain chain = chain();
        for (String key : List.of(chain.clueNo(), chain.trackingNo(), chain.rectificationNo())) {
            View view = view("discipline", key);
            assertThat(view.processKeys()).as(key).containsExactly("clue-transfer");
            assertThat(view.sources()).as(key).isSubsetOf("TASK", "AUDIT", "DOCUMENT");
            assertThat(view.completedTasks()).as(key).containsExactly("Task_AcknowledgeReceipt:discipline",
                    "Task_RecordOutcome:discipline");
            assertThat(view.auditActions()).as(key).containsExactlyInAnyOrder("TRANSFER_ISSUED", "RECEIPT_ACKNOWLEDGED",
                    "OUTCOME_RECORDED");
            assertThat(view.documentTypes()).as(key).containsExactlyInAnyOrder("TRANSFER_LETTER", "TRANSFER_MATERIALS");
            assertThat(view.recordNos()).as(key).containsExactly(chain.clueNo());
            view.assertNowhere(PERSONAL);
            view.assertNowhere(List.of(Markers.CLUE_LEGAL, Markers.CLUE_APPROVAL, Markers.SUPERVISION,
                    Markers.LEGAL_NOTE, Markers.OPINION, Markers.FINDINGS, "CLUE_PROPOSED", "LEGAL_REVIEW_PASSED",
                    "TRANSFER_APPROVED", "Task_LegalReview", "Task_LeadApproval", "supervision-letter",
                    "rectification-tracking", "complaint-handling"));
            assertThat(view.passed()).as(key).containsOnlyKeys("Task_AcknowledgeReceipt", "Task_RecordOutcome");
            assertThat(view.docx()).contains("签收移送线索", "问题线索移送函发出");
        }
        assertThat(get("admin", "/api/trace/" + chain.clueNo()).status()).isEqualTo(403);
    }

    @Test
    void supervisorWithoutNeedToKnowSeesTheRecordsButNothingOfTheClue() {
        Chain chain = chain();
        View view = view("supervisor", chain.trackingNo());
        assertThat(view.processKeys()).containsExactlyInAnyOrder("complaint-handling", "supervision-case",
                "supervision-letter", "rectification-tracking");
        assertThat(view.sources()).contains("PROCESS", "ACTIVITY", "TASK", "AUDIT", "DOCUMENT").doesNotContain("VARIABLE");
        // the supervision body's own steps and opinions are there
        assertThat(view.completedTasks()).contains("Task_Investigate:supervisor", "Task_Deliberate:lead",
                "Task_LegalReview:legal", "Task_SubmitPlanSupervise:lead", "Task_ReceiveLetter:agency-scj");
        assertThat(view.auditActions()).contains("LEGAL_REVIEW_PASSED", "OPINION_GIVEN", "SUPERVISED",
                "PUBLIC_NOTICE_ISSUED");
        assertThat(view.json()).contains(Markers.LEGAL_NOTE, Markers.SUPERVISION);
        assertThat(view.documentTypes()).contains("EVIDENCE", "SUGGESTION_LETTER", "COMPLAINT_REPLY")
                .doesNotContain("TRANSFER_LETTER", "TRANSFER_MATERIALS");
        assertThat(view.passed()).containsKeys("Task_SubmitPlanSupervise", "Task_Deliberate");
        // the clue the lead proposed at the 督办 leaves no mark
        view.assertNowhere(PERSONAL);
        view.assertNowhere(List.of(chain.clueNo(), "clue-transfer", "clueProposal", "CLUE_PROPOSED", "TRANSFER_ISSUED",
                Markers.CLUE_FACTS, Markers.CLUE_PERSONS, Markers.CLUE_LEGAL, Markers.OUTCOME));
        assertThat(get("supervisor", "/api/trace/" + chain.clueNo()).status()).isEqualTo(404);
    }

    @Test
    void legalReviewerSeesEveryStepAndTheClueButNoVariablesAndNoPersonalData() {
        Chain chain = chain();
        View view = view("legal", chain.trackingNo());
        assertThat(view.processKeys()).containsExactlyInAnyOrder("complaint-handling", "supervision-case",
                "supervision-letter", "rectification-tracking", "clue-transfer");
        assertThat(view.sources()).doesNotContain("VARIABLE");
        assertThat(view.auditActions()).contains("CLUE_PROPOSED", "LEGAL_REVIEW_PASSED", "TRANSFER_APPROVED",
                "OUTCOME_RECORDED", "SUPERVISED");
        assertThat(view.completedTasks()).contains("Task_LegalReview:legal", "Task_AcknowledgeReceipt:discipline");
        assertThat(view.json()).contains(chain.clueNo(), Markers.CLUE_LEGAL, "clueProposal");
        assertThat(view.documentTypes()).contains("TRANSFER_LETTER", "EVIDENCE");
        assertThat(view.diagramKeys()).contains("clue-transfer");
        assertThat(view.docx()).contains(chain.clueNo());
        view.assertNowhere(PERSONAL);
    }

    @Test
    void auditorSeesEverythingInItsJurisdictionWithOnlyAllowListedVariables() {
        Chain chain = chain();
        View view = view("auditor", chain.trackingNo());
        assertThat(view.processKeys()).containsExactlyInAnyOrder("complaint-handling", "supervision-case",
                "supervision-letter", "rectification-tracking", "clue-transfer");
        // one timeline across every process of the chain, in time order, with who did what
        List<java.time.OffsetDateTime> times = view.entries().stream()
                .map(e -> java.time.OffsetDateTime.parse(e.get("at").asText())).toList();
        assertThat(times).isSorted();
        assertThat(view.completedTasks()).containsSubsequence(
                "Task_ReviewAcceptance:clerk", "Task_ApproveAcceptance:lead", "Task_AssignSupervisor:lead",
                "Task_Investigate:supervisor", "Task_ApproveProposal:lead",
                "Task_ApproveFiling:lead", "Task_Investigate:supervisor", "Task_Deliberate:lead",
                "Task_RecordDecision:supervisor",
                "Task_DraftLetter:supervisor", "Task_LegalReview:legal", "Task_SignLetter:lead",
                "Task_ReceiveLetter:agency-scj", "Task_ReplyLetter:agency-scj", "Task_ReviewReply:supervisor",
                "Task_SubmitPlanSupervise:lead");
        // from the 督办 on the test's clock stands still (timers were fired), so these share one instant
        assertThat(view.completedTasks()).contains("Task_LegalReview:legal", "Task_LeadApproval:" + SECOND_LEAD,
                "Task_AcknowledgeReceipt:discipline", "Task_RecordOutcome:discipline",
                "Task_SubmitPlan:agency-scj", "Task_SubmitCompletion:agency-scj", "Task_VerifyRectification:supervisor",
                "Task_WriteReply:supervisor", "Task_ReturnVisit:clerk");
        assertThat(view.recordNos()).contains(chain.trackingNo(), chain.caseNo(), chain.letterNo(),
                chain.rectificationNo(), chain.clueNo());
        assertThat(view.entries()).anyMatch(e -> "CLUE_PROPOSED".equals(e.get("event").asText())
                && chain.clueNo().equals(e.get("recordNo").asText()) && "lead".equals(e.get("userId").asText()));
        Set<String> variables = view.variableNames();
        assertThat(variables).contains("agencyCode", "acceptanceDecision", "proposal", "legalPassed", "publicNotice",
                "clueProposal", "leadApproved", "satisfaction");
        assertThat(variables).isSubsetOf(TraceAudience.AUDITOR_VARIABLES);
        assertThat(variables).doesNotContain("complaintId", "caseId", "letterId", "handler", "reason", "replyText");
        assertThat(view.auditActions()).contains("COMPLAINT_REGISTERED", "OPINION_GIVEN", "LEGAL_REVIEW_PASSED",
                "SUPERVISED", "CLUE_PROPOSED", "OUTCOME_RECORDED");
        assertThat(view.documentTypes()).contains("COMPLAINT_REPLY", "EVIDENCE", "SUGGESTION_LETTER",
                "REMINDER_NOTICE", "PUBLIC_NOTICE", "TRANSFER_LETTER");
        assertThat(view.diagramKeys()).containsExactlyInAnyOrder("complaint-handling", "supervision-case",
                "supervision-letter", "rectification-tracking", "clue-transfer");
        view.assertNowhere(PERSONAL);
        // texts kept in the feature tables are read there, not in the trace
        view.assertNowhere(List.of(Markers.PLAN, Markers.COMPLETION, Markers.AGENCY_REPLY));

        Response created = post("admin", "/api/admin/users", java.util.Map.of("userId", "aud-county-12",
                "displayName", "县评查人员", "password", "county-auditor-1", "orgCode", "XIAN-SCJ",
                "roles", List.of("auditor")));
        assertThat(created.status()).as(created.toString()).isIn(201, 409);
        assertThat(callWithPassword(org.springframework.http.HttpMethod.GET, "aud-county-12", "county-auditor-1",
                "/api/trace/" + chain.trackingNo(), null).status()).isEqualTo(404);
    }

    /** Our labels only, never raw variables, no other body's steps or opinions, nothing of the clue. */
    private static void assertAddressedToTheAgencyOnly(View view, Chain chain) {
        assertThat(view.sources()).isSubsetOf("TASK", "AUDIT", "DOCUMENT");
        view.assertNowhere(PERSONAL);
        view.assertNowhere(INTERNAL);
        view.assertNowhere(List.of(chain.clueNo(), "clue-transfer", "clueProposal", "SUPERVISED", "督办",
                "LEGAL_REVIEW_PASSED", "Task_LegalReview", "Task_Deliberate", "OPINION_GIVEN", "complaint-handling",
                "Task_VerifyRectification", "supervisor", "lead", "legal"));
    }

    /** A trace, its export and its diagrams as one user got them. */
    private View view(String user, String key) {
        Response trace = get(user, "/api/trace/" + key);
        assertThat(trace.status()).as(user + " " + key + ": " + trace).isEqualTo(200);
        Response export = get(user, "/api/trace/" + key + "/export");
        assertThat(export.status()).as(user + " export " + key).isEqualTo(200);
        Response diagram = get(user, "/api/trace/" + key + "/diagram");
        assertThat(diagram.status()).as(user + " diagram " + key).isEqualTo(200);
        return new View(trace.body(), docxText(export.bytes()), diagram.body());
    }

    /** What one user got: the trace, the text of its export, the diagrams. */
    private record View(JsonNode trace, String docx, JsonNode diagrams) {

        List<JsonNode> entries() {
            List<JsonNode> entries = new ArrayList<>();
            trace.get("entries").forEach(entries::add);
            return entries;
        }

        List<String> processKeys() {
            return trace.get("processes").findValuesAsText("processKey");
        }

        Set<String> sources() {
            return new TreeSet<>(entries().stream().map(e -> e.get("source").asText()).toList());
        }

        List<String> completedTasks() {
            return entries().stream().filter(e -> is(e, "TASK", "COMPLETED"))
                    .map(e -> e.get("activityId").asText() + ":" + e.get("userId").asText()).toList();
        }

        Set<String> auditActions() {
            return new TreeSet<>(entries().stream().filter(e -> "AUDIT".equals(e.get("source").asText()))
                    .map(e -> e.get("event").asText()).toList());
        }

        Set<String> variableNames() {
            return new TreeSet<>(entries().stream().filter(e -> "VARIABLE".equals(e.get("source").asText()))
                    .map(e -> e.get("name").asText()).toList());
        }

        Set<String> recordNos() {
            return new TreeSet<>(entries().stream().map(e -> e.get("recordNo").asText()).toList());
        }

        Set<String> documentTypes() {
            return new TreeSet<>(trace.get("documents").findValuesAsText("docType"));
        }

        List<String> diagramKeys() {
            List<String> keys = new ArrayList<>();
            diagrams.forEach(d -> keys.add(d.get("process").get("processKey").asText()));
            return keys;
        }

        /** Activity id → times passed, over all diagrams. */
        java.util.Map<String, Integer> passed() {
            java.util.Map<String, Integer> passed = new java.util.TreeMap<>();
            diagrams.forEach(d -> d.get("passed").fields()
                    .forEachRemaining(f -> passed.merge(f.getKey(), f.getValue().asInt(), Integer::sum)));
            diagrams.forEach(d -> d.get("current").forEach(c -> passed.merge(c.asText(), 0, Integer::sum)));
            return passed;
        }

        String json() {
            return trace.toString();
        }

        /** The diagrams without their BPMN (the drawing of every step of the process, the same for everyone). */
        String diagramText() {
            List<String> parts = new ArrayList<>();
            diagrams.forEach(d -> parts.add(((ObjectNode) d.deepCopy()).without("bpmnXml").toString()));
            return String.join("\n", parts);
        }

        void assertNowhere(List<String> texts) {
            for (String text : texts) {
                assertThat(json()).as("trace holding " + text).doesNotContain(text);
                assertThat(docx).as("export holding " + text).doesNotContain(text);
                assertThat(diagramText()).as("diagram holding " + text).doesNotContain(text);
            }
        }

        private static boolean is(JsonNode entry, String source, String event) {
            return source.equals(entry.get("source").asText()) && event.equals(entry.get("event").asText());
        }
    }
}
