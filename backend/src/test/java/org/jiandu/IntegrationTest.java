package org.jiandu;

import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Base of the integration tests: the whole application on a random port, over H2 in memory by
 * default or over MySQL / MariaDB with {@code SPRING_PROFILES_ACTIVE=mariadb-test} and {@code JIANDU_DB_URL}
 * (as {@code .ci/run} does). Demo users are present (password {@code demo}); the job executor is off,
 * so timers fire only when a test executes their jobs after moving the clock; so is the audit sealer's sweep.
 *
 * <p>All integration tests share this one configuration and thus one application context and one
 * engine: tests must not assume an empty database, and must create the records they look at.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jiandu.h2-url=jdbc:h2:mem:jiandu-it;DB_CLOSE_DELAY=-1",
        "jiandu.demo.enabled=true",
        "jiandu.clock.adjustable=true",
        "camunda.bpm.job-execution.enabled=false",
        // like the job executor, the audit sealer's background sweep is off: rows are sealed right after their
        // commit, and a test that wants a sweep calls it (audit.AuditSealingTest)
        "jiandu.audit.seal-interval=PT24H",
        // archive packages are written where a test asks for them (archive.ArchiveRetentionTest), not by the sweep
        "jiandu.archive.sweep-enabled=false",
        "jiandu.archive.dir=target/test-archive",
        // the tests stand behind a proxy on this machine: X-Forwarded-For names the client (security.TrustedProxiesTest
        // checks the default, where no proxy is trusted)
        "jiandu.trusted-proxies=127.0.0.1,0:0:0:0:0:0:0:1"
})
public abstract class IntegrationTest {

    public static final String PASSWORD = "demo";

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper json;

    @Autowired
    protected JdbcTemplate jdbc;

    private RestClient client;

    /** Whether this JVM's run has emptied the shared rate-limit buckets yet. */
    private static final AtomicBoolean FRESH_RATE_LIMITS = new AtomicBoolean();

    /**
     * On MySQL / MariaDB the public rate limits are kept in the database, where an earlier run's buckets for the
     * same test addresses would still be empty: each run starts from full buckets, as a new day would.
     */
    @BeforeEach
    void startWithFullRateLimitBuckets() {
        if (FRESH_RATE_LIMITS.compareAndSet(false, true)) {
            jdbc.update("DELETE FROM rate_limit_bucket");
        }
    }

    @BeforeEach
    void setUpClient() {
        client = RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    protected Response get(String user, String path) {
        return call(HttpMethod.GET, user, path, null);
    }

    protected Response post(String user, String path, Object body) {
        return call(HttpMethod.POST, user, path, body);
    }

    protected Response put(String user, String path, Object body) {
        return call(HttpMethod.PUT, user, path, body);
    }

    protected Response delete(String user, String path) {
        return call(HttpMethod.DELETE, user, path, null);
    }

    /** A call as a demo user (password {@code demo}); {@code user == null} calls without logging in. */
    protected Response call(HttpMethod method, String user, String path, Object body) {
        return callWithPassword(method, user, PASSWORD, path, body);
    }

    protected Response callWithPassword(HttpMethod method, String user, String password, String path, Object body) {
        return callWithHeaders(method, user, password, path, body, new HttpHeaders());
    }

    /** A call with request headers of its own, e.g. {@code Prefer}. */
    protected Response callWithHeaders(HttpMethod method, String user, String password, String path, Object body,
                                       HttpHeaders headers) {
        RestClient.RequestBodySpec request = client.method(method).uri(path)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL)
                .headers(h -> h.addAll(headers));
        if (user != null) {
            request.header(HttpHeaders.AUTHORIZATION, basic(user, password));
        }
        if (body instanceof String text) {
            request.contentType(MediaType.APPLICATION_JSON).body(text);
        } else if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            JsonNode node = null;
            MediaType type = res.getHeaders().getContentType();
            if (bytes.length > 0 && type != null && type.getSubtype().contains("json")) {
                node = json.readTree(bytes);
            }
            return new Response(res.getStatusCode().value(), node, res.getHeaders(), bytes);
        });
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    /** An HTTP answer: status, JSON body (null if none), headers and raw bytes. */
    public record Response(int status, JsonNode body, HttpHeaders headers, byte[] bytes) {

        public String contentType() {
            MediaType type = headers.getContentType();
            return type == null ? null : type.getType() + "/" + type.getSubtype();
        }

        public String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asText();
        }

        @Override
        public String toString() {
            return status + " " + (body != null ? body.toString() : new String(bytes));
        }
    }
}
