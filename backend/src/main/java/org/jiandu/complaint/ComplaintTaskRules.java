package org.jiandu.complaint;

import static org.jiandu.complaint.ComplaintProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.jiandu.deadline.Deadlines;
import org.jiandu.identity.Role;
import org.springframework.stereotype.Component;

/**
 * The server-side rules of the complaint forms: required fields and allowed values. The same rules run
 * whether a task is completed through our API, {@code /engine-rest} or Tasklist (from the task's
 * complete listener), so no path skips a check.
 */
@Component
class ComplaintTaskRules {

    static final Set<String> ACCEPTANCE_DECISIONS = Set.of("ACCEPT", "REJECT", "HAND_OVER");
    static final Set<String> INVESTIGATION_ACTIONS = Set.of("PROPOSE", "EXTEND");
    static final Set<String> PROPOSALS = Set.of("UNFOUNDED", "FOUNDED_REPLY", "SUPERVISION_CASE",
            "SUGGESTION_LETTER", "CLUE_TRANSFER");
    static final Set<String> SATISFACTIONS = Set.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED");
    static final int MAX_TEXT = 20_000;

    private final IdentityService identityService;
    private final Deadlines deadlines;

    ComplaintTaskRules(IdentityService identityService, Deadlines deadlines) {
        this.identityService = identityService;
        this.deadlines = deadlines;
    }

    /** A checked submission: the decision variables to set (normalised types) and the texts to store. */
    record Submission(Map<String, Object> variables, Map<String, String> texts) {

        String text(String key) {
            return texts.get(key);
        }

        Object variable(String key) {
            return variables.get(key);
        }
    }

    /**
     * Checks what a form submitted for a step. {@code extended}: whether the investigation was extended
     * already (one extension only).
     */
    Submission check(ComplaintTaskStep step, Map<String, Object> submitted, boolean extended) {
        Map<String, Object> variables = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : step.step().textsKeptOut()) {
            String text = text(submitted.get(key));
            if (text != null) {
                if (text.length() > MAX_TEXT) {
                    throw new ComplaintRuleViolation("FIELD_TOO_LONG", "字段 " + key + " 过长（最多 " + MAX_TEXT + " 字）。");
                }
                texts.put(key, text);
            }
        }
        switch (step) {
            case REVIEW_ACCEPTANCE -> {
                String decision = oneOf(submitted, ACCEPTANCE_DECISION, ACCEPTANCE_DECISIONS, "受理意见");
                variables.put(ACCEPTANCE_DECISION, decision);
                if (!"ACCEPT".equals(decision)) {
                    require(texts, REASON, "不予受理或转交时须写明理由");
                }
                if ("HAND_OVER".equals(decision)) {
                    require(texts, COMPETENT_AUTHORITY, "转交时须写明有权处理的机关");
                    if (texts.get(COMPETENT_AUTHORITY).length() > 200) {
                        throw new ComplaintRuleViolation("FIELD_TOO_LONG", "有权处理的机关名称过长（最多 200 字）。");
                    }
                }
            }
            case APPROVE_ACCEPTANCE -> approval(submitted, texts, variables, ACCEPTANCE_APPROVED);
            case APPROVE_EXTENSION -> approval(submitted, texts, variables, EXTENSION_APPROVED);
            case APPROVE_PROPOSAL -> approval(submitted, texts, variables, PROPOSAL_APPROVED);
            case ASSIGN_SUPERVISOR -> {
                String supervisorId = text(submitted.get(SUPERVISOR_ID));
                if (supervisorId == null) {
                    throw missing(SUPERVISOR_ID, "承办监督员");
                }
                boolean isSupervisor = identityService.createUserQuery().userId(supervisorId)
                        .memberOfGroup(Role.SUPERVISOR.groupId()).count() == 1;
                if (!isSupervisor) {
                    throw new ComplaintRuleViolation("NOT_A_SUPERVISOR", "用户 " + supervisorId + " 不是监督员，不能承办。");
                }
                variables.put(SUPERVISOR_ID, supervisorId);
            }
            case INVESTIGATE -> {
                String action = oneOf(submitted, INVESTIGATION_ACTION, INVESTIGATION_ACTIONS, "办理事项");
                variables.put(INVESTIGATION_ACTION, action);
                if ("PROPOSE".equals(action)) {
                    variables.put(PROPOSAL, oneOf(submitted, PROPOSAL, PROPOSALS, "处理建议"));
                    require(texts, FINDINGS, "提出处理建议时须写明调查核实情况");
                } else {
                    if (extended) {
                        throw new ComplaintRuleViolation("EXTENSION_ALREADY_USED", "调查期限只能延长一次，本件已延期。");
                    }
                    int max = deadlines.policy(POLICY_EXTENSION).days();
                    Integer days = integer(submitted.get(EXTENSION_DAYS));
                    if (days == null) {
                        throw missing(EXTENSION_DAYS, "延期工作日数");
                    }
                    if (days < 1 || days > max) {
                        throw new ComplaintRuleViolation("EXTENSION_DAYS_INVALID", "延期工作日数应在 1 至 " + max + " 之间。");
                    }
                    variables.put(EXTENSION_DAYS, days);
                    require(texts, REASON, "申请延期时须写明理由");
                }
            }
            case WRITE_REPLY -> require(texts, REPLY_TEXT, "须填写答复意见");
            case RETURN_VISIT -> variables.put(SATISFACTION, oneOf(submitted, SATISFACTION, SATISFACTIONS, "回访结果"));
        }
        return new Submission(variables, texts);
    }

    private static void approval(Map<String, Object> submitted, Map<String, String> texts, Map<String, Object> variables,
                                 String key) {
        Boolean approved = bool(submitted.get(key));
        if (approved == null) {
            throw missing(key, "审批意见");
        }
        if (!approved) {
            require(texts, REASON, "不批准时须写明意见");
        }
        variables.put(key, approved);
    }

    private static String oneOf(Map<String, Object> submitted, String key, Set<String> allowed, String label) {
        String value = text(submitted.get(key));
        if (value == null) {
            throw missing(key, label);
        }
        if (!allowed.contains(value)) {
            throw new ComplaintRuleViolation("VALUE_NOT_ALLOWED", label + "（" + key + "）的取值“" + value
                    + "”无效，可选：" + String.join("、", List.copyOf(new java.util.TreeSet<>(allowed))) + "。");
        }
        return value;
    }

    private static void require(Map<String, String> texts, String key, String message) {
        if (texts.get(key) == null) {
            throw new ComplaintRuleViolation("FIELD_REQUIRED", message + "（" + key + "）。");
        }
    }

    private static ComplaintRuleViolation missing(String key, String label) {
        return new ComplaintRuleViolation("FIELD_REQUIRED", "缺少必填项：" + label + "（" + key + "）。");
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = text(value);
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        if (text != null) {
            throw new ComplaintRuleViolation("VALUE_NOT_ALLOWED", "审批意见只能是 true（批准）或 false（不批准）。");
        }
        return null;
    }

    static Integer integer(Object value) {
        if (value instanceof Number number) {
            if (number.doubleValue() != Math.rint(number.doubleValue())) {
                throw new ComplaintRuleViolation("EXTENSION_DAYS_INVALID", "延期工作日数应为整数。");
            }
            return number.intValue();
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new ComplaintRuleViolation("EXTENSION_DAYS_INVALID", "延期工作日数应为整数。");
        }
    }
}
