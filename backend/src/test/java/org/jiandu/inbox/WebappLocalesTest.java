package org.jiandu.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Chinese locale of a Camunda webapp has every key of the English file Camunda ships with it, so that no label
 * falls back to English (or to its key) for a Chinese user, and keeps the AngularJS placeholders of each text.
 */
class WebappLocalesTest {

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "cockpit", "welcome"})
    void theChineseLocaleHasEveryKeyOfTheShippedEnglishOne(String app) throws IOException {
        Map<String, String> english = flat(read("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json"));
        Map<String, String> chinese = flat(read("META-INF/resources/webjars/camunda/app/" + app + "/locales/zh.json"));
        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(chinese.keySet());
        assertThat(missing).as("keys of %s/locales/en.json missing from zh.json", app).isEmpty();
        english.forEach((key, text) -> {
            for (String placeholder : placeholders(text)) {
                assertThat(chinese.get(key)).as("%s keeps %s", key, placeholder).contains(placeholder);
            }
        });
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{\\{[^}]*}}").matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
            return json.readTree(text);
        }
    }

    private static Map<String, String> flat(JsonNode node) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix + field.getKey() + ".", field.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + i + ".", node.get(i), out);
            }
        } else {
            out.put(prefix.substring(0, prefix.length() - 1), node.asText());
        }
    }
}
