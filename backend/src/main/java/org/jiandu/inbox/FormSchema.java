package org.jiandu.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Camunda Form (form-js JSON) asks of a submission: its required fields and, for select, radio,
 * checklist and tag-list components with static options, the values allowed. The same rules Tasklist
 * shows in the browser, enforced on the server for every way a task is completed.
 */
record FormSchema(String formId, List<Field> fields) {

    private static final Set<String> OPTION_TYPES = Set.of("select", "radio", "checklist", "taglist");

    /**
     * One input of the form: its key, its Chinese label, whether it is required, its allowed values (empty:
     * any) and when it is hidden (a hidden field is neither shown, nor submitted, nor checked, as in Tasklist).
     */
    record Field(String key, String label, boolean required, Set<String> allowedValues, FormCondition hidden) {

        Field(String key, String label, boolean required, Set<String> allowedValues) {
            this(key, label, required, allowedValues, FormCondition.NEVER);
        }
    }

    static FormSchema parse(JsonNode form) {
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), FormCondition.NEVER, fields);
        return new FormSchema(form.path("id").asText(null), List.copyOf(fields));
    }

    private static void collect(JsonNode components, FormCondition parentHidden, List<Field> fields) {
        for (JsonNode component : components) {
            FormCondition hidden = parentHidden.or(FormCondition.parse(component.path("conditional").path("hide").asText(null)));
            if (component.has("components")) {
                collect(component.get("components"), hidden, fields);
            }
            String key = component.path("key").asText(null);
            if (key == null || key.isBlank()) {
                continue;
            }
            boolean required = component.path("validate").path("required").asBoolean(false);
            Set<String> allowed = new LinkedHashSet<>();
            if (OPTION_TYPES.contains(component.path("type").asText())) {
                component.path("values").forEach(option -> allowed.add(option.path("value").asText()));
            }
            fields.add(new Field(key, component.path("label").asText(key), required, allowed, hidden));
        }
    }

    /**
     * The problems of a submission, field key to a message in Chinese; empty when it is acceptable.
     * {@code values} holds what the task will see after completion (its variables with the submission).
     */
    Map<String, String> problems(Map<String, Object> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Field field : fields) {
            if (field.hidden().test(values)) {
                continue;
            }
            Object value = values.get(field.key());
            if (field.required() && blank(value)) {
                problems.put(field.key(), "“" + field.label() + "”为必填项");
                continue;
            }
            if (!blank(value) && !field.allowedValues().isEmpty()) {
                for (Object item : value instanceof Collection<?> items ? items : List.of(value)) {
                    if (!field.allowedValues().contains(String.valueOf(item))) {
                        problems.put(field.key(), "“" + field.label() + "”的取值“" + item + "”不在可选范围内");
                        break;
                    }
                }
            }
        }
        return problems;
    }

    /** The keys of the form's inputs: the only variables a completion of its task may set. */
    Set<String> fieldKeys() {
        Set<String> keys = new LinkedHashSet<>();
        fields.forEach(field -> keys.add(field.key()));
        return keys;
    }

    private static boolean blank(Object value) {
        return value == null || (value instanceof String text && text.isBlank())
                || (value instanceof Collection<?> items && items.isEmpty());
    }
}
