package org.jiandu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The OpenAPI description a newcomer reads in Swagger UI: title, version, Basic auth, Chinese feature tags, errors. */
class ApiDocsTest extends IntegrationTest {

    @Test
    void theApiDescriptionHasATitleBasicAuthChineseTagsAndTheProblemAnswers() {
        Response response = get(null, "/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonNode docs = response.body();
        assertThat(docs.at("/info/title").asText()).isEqualTo("Jiandu 执法监督系统 API");
        assertThat(docs.at("/info/version").asText()).isNotBlank().isNotEqualTo("v0");
        assertThat(docs.at("/info/description").asText()).contains("problem+json", "code", "VALIDATION_FAILED");
        assertThat(docs.at("/components/securitySchemes/basicAuth/type").asText()).isEqualTo("http");
        assertThat(docs.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(docs.at("/security/0/basicAuth").isArray()).isTrue();

        List<String> tags = new ArrayList<>();
        docs.get("tags").forEach(tag -> tags.add(tag.get("name").asText()));
        assertThat(tags).contains("投诉", "监督案件", "监督建议书", "整改", "线索移送", "待办", "统计", "审计", "全过程留痕", "管理");
        docs.get("tags").forEach(tag -> assertThat(tag.get("description").asText()).isNotBlank());

        List<String> used = new ArrayList<>();
        docs.get("paths").forEach(path -> path.forEach(operation -> operation.get("tags").forEach(tag -> used.add(tag.asText()))));
        assertThat(used).isNotEmpty().allSatisfy(tag -> assertThat(tag)
                .as("a tag is a feature in Chinese, not a class name").matches(".*\\p{IsHan}.*")
                .doesNotContainIgnoringCase("controller"));
        assertThat(tags).containsAll(used);

        // parameters and refusals are described
        JsonNode list = docs.at("/paths/~1api~1letters/get");
        assertThat(parameter(list, "page").get("description").asText()).contains("页码");
        assertThat(parameter(list, "flag").get("description").asText()).contains("YELLOW");
        assertThat(list.at("/responses/403/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(docs.at("/components/schemas/Problem/properties/code/description").asText()).contains("错误代码");
        // an action says it answers 204 to Prefer: return=minimal; the header is no query parameter
        JsonNode sign = docs.at("/paths/~1api~1letters~1{id}~1sign/post");
        assertThat(parameter(sign, "Prefer").get("in").asText()).isEqualTo("header");
        assertThat(sign.at("/responses/204/description").asText()).contains("return=minimal");
        sign.get("parameters").forEach(p -> assertThat(p.get("name").asText()).isNotEqualTo("prefer"));
        // the public intake needs no log-in
        assertThat(docs.at("/paths/~1api~1public~1complaints/post/security").isArray()).isTrue();
        assertThat(docs.at("/paths/~1api~1public~1complaints/post/security")).isEmpty();
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.get("parameters")) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }
}
