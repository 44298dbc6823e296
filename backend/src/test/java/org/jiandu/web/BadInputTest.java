package org.jiandu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every write operation of {@code /api} (POST, PUT, PATCH) and every GET that takes parameters, as listed in
 * {@code /v3/api-docs} (so a new endpoint is covered without touching this test), gets a fixed matrix of bad
 * inputs: malformed JSON, wrong types, missing fields, 1 MB strings, control characters, unknown enum values,
 * impossible dates, bad paging, bad multipart. Each must be answered with a 4xx
 * {@code application/problem+json} carrying a {@code code}, and must write no row to any business table.
 *
 * <p>Path variables are given ids that do not exist, so no refused request can touch a real record; a body or
 * parameter is still checked before the record is looked up, which is what this test is about.
 */
class BadInputTest extends IntegrationTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ONE_MB = "字".repeat(1024 * 1024 / 3 + 1);
    private static final String CONTROL = "名称\u0000\u202Egpj.exe\u001B[31m";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private JsonNode apiDocs;

    /** One bad request for one operation: its name, and how to build it. */
    record Case(String operation, String name, Function<BadInputTest, HttpRequest.Builder> request) {
    }

    /** One operation from the OpenAPI document. */
    record Operation(String method, String path, JsonNode spec) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesBadInputWithAProblemAndWritesNothing() throws Exception {
        apiDocs = json.readTree(send(authorised(HttpRequest.newBuilder(uri("/v3/api-docs")), "admin").GET()).body());
        List<Operation> operations = operations(apiDocs);
        assertThat(operations).as("operations discovered from /v3/api-docs").hasSizeGreaterThan(40);
        List<String> tables = businessTables();
        assertThat(tables).contains("complaint", "audit_log", "document");
        return operations.stream().flatMap(operation -> cases(operation).stream())
                .map(badCase -> DynamicTest.dynamicTest(badCase.operation() + " — " + badCase.name(),
                        () -> refusedWithoutWriting(badCase, tables)));
    }

    private void refusedWithoutWriting(Case badCase, List<String> tables) throws Exception {
        Map<String, Long> before = rowCounts(tables);
        HttpResponse<byte[]> response = send(badCase.request().apply(this));
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertThat(response.statusCode()).as("status of %s — %s: %s", badCase.operation(), badCase.name(), body)
                .isBetween(400, 499);
        assertThat(contentType).as("content type of %s — %s: %s", badCase.operation(), badCase.name(), body)
                .startsWith("application/problem+json");
        JsonNode problem = json.readTree(body);
        assertThat(problem.path("code").asText(null)).as("code of %s", body).isNotBlank();
        assertThat(problem.path("detail").asText("")).as("detail of %s", body).isNotBlank();
        assertThat(rowCounts(tables)).as("rows after %s — %s", badCase.operation(), badCase.name()).isEqualTo(before);
    }

    // ---- discovery

    private static List<Operation> operations(JsonNode docs) {
        List<Operation> operations = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String method = entry.getKey().toUpperCase(Locale.ROOT);
            JsonNode spec = entry.getValue();
            boolean write = List.of("POST", "PUT", "PATCH").contains(method);
            boolean getWithParameters = "GET".equals(method) && queryParameters(spec).iterator().hasNext();
            if (write || getWithParameters) {
                operations.add(new Operation(method, path.getKey(), spec));
            }
        }));
        return operations;
    }

    private List<Case> cases(Operation operation) {
        List<Case> cases = new ArrayList<>();
        String name = operation.toString();
        JsonNode content = operation.spec().path("requestBody").path("content");
        JsonNode jsonSchema = content.has("application/json") ? resolve(content.path("application/json").path("schema")) : null;
        JsonNode multipartSchema = content.has("multipart/form-data")
                ? resolve(content.path("multipart/form-data").path("schema")) : null;

        if (jsonSchema != null) {
            cases.add(new Case(name, "malformed JSON", t -> t.jsonRequest(operation, "{\"a\": ")));
            cases.add(new Case(name, "a list where an object is due", t -> t.jsonRequest(operation, "[1, 2]")));
            cases.add(new Case(name, "text/plain instead of JSON", t -> t.request(operation, Map.of())
                    .header("Content-Type", "text/plain").method(operation.method(), bytes("x"))));
            ObjectNode properties = properties(jsonSchema);
            if (properties.size() > 0) {
                cases.add(new Case(name, "wrong types", t -> t.jsonRequest(operation, t.body(jsonSchema, "wrong").toString())));
                if (hasFreeText(jsonSchema)) {
                    cases.add(new Case(name, "1 MB strings", t -> t.jsonRequest(operation, t.body(jsonSchema, "huge").toString())));
                    cases.add(new Case(name, "control characters", t -> t.jsonRequest(operation, t.body(jsonSchema, "control").toString())));
                }
                if (has(jsonSchema, "enum")) {
                    cases.add(new Case(name, "unknown enum values", t -> t.jsonRequest(operation, t.body(jsonSchema, "enum").toString())));
                }
                if (has(jsonSchema, "date")) {
                    cases.add(new Case(name, "impossible dates", t -> t.jsonRequest(operation, t.body(jsonSchema, "date").toString())));
                }
            } else {
                // a map of form fields (task completion): a field with control characters
                cases.add(new Case(name, "control characters", t -> t.jsonRequest(operation, "{\"reason\": \"" + escape(CONTROL) + "\"}")));
            }
            if (jsonSchema.path("required").size() > 0) {
                cases.add(new Case(name, "missing fields", t -> t.jsonRequest(operation, "{}")));
            }
        }
        if (multipartSchema != null) {
            cases.add(new Case(name, "multipart without boundary", t -> t.request(operation, Map.of())
                    .header("Content-Type", "multipart/form-data").method(operation.method(), bytes("--x\r\n\r\n--x--"))));
            cases.add(new Case(name, "NUL in a file name", t -> t.multipart(operation, multipartSchema, "a\u0000b.pdf", "%PDF-1.4 x", null)));
            cases.add(new Case(name, "empty file", t -> t.multipart(operation, multipartSchema, "empty.pdf", "", null)));
            cases.add(new Case(name, "control characters in a text part", t -> t.multipart(operation, multipartSchema,
                    "a.pdf", "%PDF-1.4 x", CONTROL)));
            if (jsonSchema == null) {
                cases.add(new Case(name, "JSON to a multipart-only operation", t -> t.jsonRequest(operation, "{}")));
            }
        }
        for (JsonNode parameter : queryParameters(operation.spec())) {
            String param = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            for (Map.Entry<String, String> bad : badValues(param, schema).entrySet()) {
                cases.add(new Case(name, "parameter " + param + " " + bad.getKey(), t -> t.withParameter(operation, param, bad.getValue())));
            }
            if (parameter.path("required").asBoolean(false)) {
                cases.add(new Case(name, "parameter " + param + " missing", t -> t.withParameter(operation, param, null)));
            }
        }
        for (JsonNode parameter : pathParameters(operation.spec())) {
            String param = parameter.path("name").asText();
            String type = resolve(parameter.path("schema")).path("type").asText();
            String bad = "integer".equals(type) || "number".equals(type) ? "abc" : "a%01b";
            cases.add(new Case(name, "path " + param + " = " + bad, t -> t.withPath(operation, param, bad)));
        }
        return cases;
    }

    private static Map<String, String> badValues(String param, JsonNode schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if ("page".equals(param)) {
            bad.put("= -1", "-1");
        } else if ("size".equals(param)) {
            bad.put("= 0", "0");
            bad.put("= 101", "101");
            bad.put("= -1", "-1");
        }
        if (schema.has("enum")) {
            bad.put("unknown enum value", "NO_SUCH_VALUE");
        } else if ("integer".equals(type) || "number".equals(type)) {
            bad.put("not a number", "abc");
        } else if ("boolean".equals(type)) {
            bad.put("not a boolean", "maybe");
        } else if ("date".equals(format) || "date-time".equals(format)) {
            bad.put("impossible date", "2026-02-30");
        } else if ("string".equals(type)) {
            bad.put("control characters", CONTROL);
            bad.put("1 MB", ONE_MB);
        }
        return bad;
    }

    private static Iterable<JsonNode> queryParameters(JsonNode spec) {
        return parameters(spec, "query");
    }

    private static Iterable<JsonNode> pathParameters(JsonNode spec) {
        return parameters(spec, "path");
    }

    private static List<JsonNode> parameters(JsonNode spec, String in) {
        List<JsonNode> parameters = new ArrayList<>();
        spec.path("parameters").forEach(parameter -> {
            if (in.equals(parameter.path("in").asText())) {
                parameters.add(parameter);
            }
        });
        return parameters;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref != null) {
            return resolve(apiDocs.at(ref.substring(1)));
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(schema.path("allOf").get(0));
        }
        return schema;
    }

    private ObjectNode properties(JsonNode schema) {
        return schema.path("properties") instanceof ObjectNode node ? node : NODES.objectNode();
    }

    /** Whether the schema (or an object or list in it) has a free-text string property: no enum, no format. */
    private boolean hasFreeText(JsonNode schema) {
        Iterator<JsonNode> properties = properties(schema).elements();
        while (properties.hasNext()) {
            JsonNode property = resolve(properties.next());
            JsonNode item = resolve(property.path("items"));
            String type = property.path("type").asText(property.has("properties") ? "object" : "string");
            if ("string".equals(type) && !property.has("enum") && !property.has("format")
                    || "object".equals(type) && hasFreeText(property)
                    || "array".equals(type) && ("string".equals(item.path("type").asText()) && !item.has("enum")
                            || hasFreeText(item))) {
                return true;
            }
        }
        return false;
    }

    private boolean has(JsonNode schema, String what) {
        Iterator<JsonNode> properties = properties(schema).elements();
        while (properties.hasNext()) {
            JsonNode property = resolve(properties.next());
            if ("enum".equals(what) && property.has("enum")) {
                return true;
            }
            if ("date".equals(what) && property.path("format").asText().startsWith("date")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A body of the schema's shape in which every property of one kind is bad ({@code wrong}: every property
     * of the wrong JSON type; {@code huge}, {@code control}: every free-text string; {@code enum}: every enum;
     * {@code date}: every date) and every other property has a plausible value.
     */
    private ObjectNode body(JsonNode schema, String kind) {
        ObjectNode body = NODES.objectNode();
        properties(schema).fields().forEachRemaining(entry -> body.set(entry.getKey(), value(resolve(entry.getValue()), kind)));
        return body;
    }

    private JsonNode value(JsonNode property, String kind) {
        String type = property.path("type").asText(property.has("properties") ? "object" : "string");
        String format = property.path("format").asText();
        boolean isEnum = property.has("enum");
        boolean isDate = format.startsWith("date");
        if ("wrong".equals(kind)) {
            return "string".equals(type) ? NODES.objectNode().put("nested", true) : NODES.textNode("abc");
        }
        switch (type) {
            case "integer", "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(true);
            case "array":
                ArrayNode items = NODES.arrayNode();
                JsonNode item = resolve(property.path("items"));
                if (!"array".equals(item.path("type").asText())) {
                    items.add(value(item, kind));
                }
                return items;
            case "object":
                return property.has("properties") ? body(property, kind) : NODES.objectNode();
            default:
                if (isEnum) {
                    return NODES.textNode("enum".equals(kind) ? "NO_SUCH_VALUE" : property.path("enum").get(0).asText());
                }
                if (isDate) {
                    return NODES.textNode("date".equals(kind) ? "2026-02-30" : "date-time".equals(format)
                            ? "2026-01-05T09:00:00" : "2026-01-05");
                }
                return switch (kind) {
                    case "huge" -> NODES.textNode(ONE_MB);
                    case "control" -> NODES.textNode(CONTROL);
                    default -> NODES.textNode("测试");
                };
        }
    }

    // ---- requests

    private HttpRequest.Builder request(Operation operation, Map<String, String> query) {
        String path = operation.path();
        for (JsonNode parameter : pathParameters(operation.spec())) {
            String type = resolve(parameter.path("schema")).path("type").asText();
            path = path.replace("{" + parameter.path("name").asText() + "}",
                    "integer".equals(type) || "number".equals(type) ? "987654321" : "NO-SUCH-ID");
        }
        StringBuilder uri = new StringBuilder(path);
        query.forEach((name, value) -> uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(uri.toString())).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                // every request from its own address, so the public endpoints' rate limits do not interfere
                .header("X-Forwarded-For", "10.13." + (CLIENTS.get() / 250 % 250) + "." + (CLIENTS.incrementAndGet() % 250 + 1));
        return authorised(builder, userFor(operation.path()));
    }

    private HttpRequest.Builder jsonRequest(Operation operation, String body) {
        return request(operation, validQuery(operation, null)).header("Content-Type", "application/json")
                .method(operation.method(), bytes(body));
    }

    private HttpRequest.Builder withParameter(Operation operation, String param, String value) {
        Map<String, String> query = validQuery(operation, param);
        if (value != null) {
            query.put(param, value);
        }
        HttpRequest.Builder builder = request(operation, query);
        JsonNode content = operation.spec().path("requestBody").path("content");
        if (content.has("application/json")) {
            return builder.header("Content-Type", "application/json")
                    .method(operation.method(), bytes(body(resolve(content.path("application/json").path("schema")), "valid").toString()));
        }
        return builder.method(operation.method(), HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder withPath(Operation operation, String param, String bad) {
        HttpRequest.Builder builder = request(operation, validQuery(operation, null));
        URI target = builder.build().uri();
        String path = operation.path();
        for (JsonNode parameter : pathParameters(operation.spec())) {
            String name = parameter.path("name").asText();
            String type = resolve(parameter.path("schema")).path("type").asText();
            path = path.replace("{" + name + "}", name.equals(param) ? bad
                    : "integer".equals(type) || "number".equals(type) ? "987654321" : "NO-SUCH-ID");
        }
        builder.uri(uri(path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())));
        JsonNode content = operation.spec().path("requestBody").path("content");
        if (content.has("application/json")) {
            return builder.header("Content-Type", "application/json")
                    .method(operation.method(), bytes(body(resolve(content.path("application/json").path("schema")), "valid").toString()));
        }
        return builder.method(operation.method(), HttpRequest.BodyPublishers.noBody());
    }

    /** The operation's required query parameters with plausible values (except {@code skip}). */
    private Map<String, String> validQuery(Operation operation, String skip) {
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode parameter : queryParameters(operation.spec())) {
            String name = parameter.path("name").asText();
            if (!name.equals(skip) && parameter.path("required").asBoolean(false)) {
                query.put(name, value(resolve(parameter.path("schema")), "valid").asText());
            }
        }
        return query;
    }

    /** A multipart body with each part of the schema: files named {@code fileName}, text parts {@code text} or plausible. */
    private HttpRequest.Builder multipart(Operation operation, JsonNode schema, String fileName, String fileContent, String text) {
        String boundary = "----jiandu-bad-input";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        properties(schema).fields().forEachRemaining(entry -> {
            JsonNode property = resolve(entry.getValue());
            boolean file = "binary".equals(property.path("format").asText())
                    || "binary".equals(resolve(property.path("items")).path("format").asText());
            String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + entry.getKey() + "\"";
            if (file) {
                part += "; filename=\"" + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n" + fileContent + "\r\n";
            } else if (property.has("properties") || property.has("$ref")) {
                part += "\r\nContent-Type: application/json\r\n\r\n" + body(property, text != null ? "control" : "valid") + "\r\n";
            } else {
                part += "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                        + (text != null ? text : value(property, "valid").asText()) + "\r\n";
            }
            body.writeBytes(part.getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request(operation, validQuery(operation, null))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(operation.method(), HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static String userFor(String path) {
        if (path.startsWith("/api/public/")) {
            return null;
        }
        return path.startsWith("/api/admin/") ? "admin" : "supervisor";
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder builder, String user) {
        return user == null ? builder : builder.header("Authorization", basic(user, PASSWORD));
    }

    /**
     * Sent once more when the server had closed the kept-alive connection the client picked before it read the
     * request ("received no bytes": nothing was answered, so nothing was done); the JDK client retries only GETs.
     */
    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                throw e;
            }
            return http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpRequest.BodyPublisher bytes(String text) {
        return HttpRequest.BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(c < 0x20 || c > 0x7E ? "\\u%04x".formatted(c) : String.valueOf((char) c)));
        return escaped.toString();
    }

    // ---- rows

    /**
     * The business tables: every table of the schema except Camunda's ({@code ACT_*}), Flyway's history and the
     * public rate limit's buckets. The rate limit counts every attempt, a refused one too (that is its point); on
     * MySQL / MariaDB its buckets are rows, shared by the nodes, and a client's first attempt adds its bucket.
     */
    private List<String> businessTables() throws Exception {
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!table.startsWith("act_") && !table.contains("schema_history")
                            && !table.equals("rate_limit_bucket")) {
                        tables.add(table);
                    }
                }
            }
            return tables;
        }
    }

    private Map<String, Long> rowCounts(List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }
}
