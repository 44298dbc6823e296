package org.jiandu.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class FormSchemaTest {

    private static final String FORM = """
            {"id": "f", "components": [
              {"type": "textfield", "key": "opinion", "label": "处理意见", "validate": {"required": true}},
              {"type": "group", "components": [
                {"type": "select", "key": "decision", "label": "处理结论", "validate": {"required": true},
                 "values": [{"label": "同意", "value": "agree"}, {"label": "不同意", "value": "disagree"}]}]},
              {"type": "checklist", "key": "checks", "label": "核查项",
               "values": [{"label": "现场", "value": "site"}, {"label": "书面", "value": "paper"}]},
              {"type": "text", "text": "说明文字"}
            ]}""";

    private final FormSchema schema = parse();

    @Test
    void readsRequiredFieldsAndOptionsIncludingNestedOnes() {
        assertThat(schema.fields()).extracting(FormSchema.Field::key).containsExactly("opinion", "decision", "checks");
        assertThat(schema.fields().get(1).allowedValues()).containsExactly("agree", "disagree");
    }

    @Test
    void acceptsACompleteSubmission() {
        assertThat(schema.problems(Map.of("opinion", "已核实", "decision", "agree", "checks", List.of("site")))).isEmpty();
    }

    @Test
    void namesMissingBlankAndUnknownValuesInChinese() {
        Map<String, String> problems = schema.problems(Map.of("opinion", "  ", "checks", List.of("site", "phone")));
        assertThat(problems).containsOnlyKeys("opinion", "decision", "checks");
        assertThat(problems.get("opinion")).isEqualTo("“处理意见”为必填项");
        assertThat(problems.get("checks")).contains("phone");
        assertThat(schema.problems(Map.of("opinion", "x", "decision", "maybe"))).containsOnlyKeys("decision");
    }

    private static final String CONDITIONAL = """
            {"id": "c", "components": [
              {"type": "radio", "key": "decision", "label": "受理意见", "validate": {"required": true},
               "values": [{"label": "受理", "value": "ACCEPT"}, {"label": "不予受理", "value": "REJECT"}]},
              {"type": "textarea", "key": "reason", "label": "理由", "validate": {"required": true},
               "conditional": {"hide": "=decision = \\\"ACCEPT\\\""}},
              {"type": "group", "conditional": {"hide": "=not(decision = \\\"REJECT\\\" or decision = null)"}, "components": [
                {"type": "textfield", "key": "appeal", "label": "复议途径", "validate": {"required": true}}]}
            ]}""";

    @Test
    void aFieldRequiredOnlyWhenShownIsCheckedOnlyWhenItsConditionShowsIt() throws Exception {
        FormSchema conditional = FormSchema.parse(new ObjectMapper().readTree(CONDITIONAL));
        assertThat(conditional.problems(Map.of("decision", "ACCEPT"))).isEmpty();
        assertThat(conditional.problems(Map.of("decision", "REJECT"))).containsOnlyKeys("reason", "appeal");
        assertThat(conditional.problems(Map.of("decision", "REJECT")).get("reason")).isEqualTo("“理由”为必填项");
        assertThat(conditional.problems(Map.of("decision", "REJECT", "reason", "不属于受理范围", "appeal", "行政复议"))).isEmpty();
    }

    @Test
    void aConditionTheServerCannotEvaluateIsRefusedWhenTheFormIsRead() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FormCondition.parse("=count(items) > 2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FormCondition.parse("=approved != \"false\"").test(Map.of("approved", false))).isFalse();
        assertThat(FormCondition.parse("=approved != \"false\"").test(Map.of("approved", "true"))).isTrue();
    }

    /** Every deployed form parses, conditions included: the server evaluates every rule Tasklist shows. */
    @Test
    void everyFormOfTheProcessesIsUnderstood() throws Exception {
        var forms = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:forms/*.form");
        assertThat(forms).hasSizeGreaterThan(20);
        for (var form : forms) {
            try (var in = form.getInputStream()) {
                assertThat(FormSchema.parse(new ObjectMapper().readTree(in)).formId()).as(form.getFilename()).isNotBlank();
            }
        }
    }

    private static FormSchema parse() {
        try {
            return FormSchema.parse(new ObjectMapper().readTree(FORM));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
