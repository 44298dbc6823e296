package org.jiandu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With the default {@code jiandu.trusted-proxies} (none), a client cannot name its own address with
 * {@code X-Forwarded-For}: the rate limits of public intake and the audit log see the real peer. (The other
 * integration tests run with this machine as a trusted proxy, and rely on the header being honoured there.)
 */
@Tag("own-jvm") // an application of its own: a second engine named "default" would confuse the shared one's REST API
@TestPropertySource(properties = "jiandu.trusted-proxies=")
class TrustedProxiesTest extends IntegrationTest {

    @Test
    void aForgedForwardedForChangesNeitherTheAuditedAddressNorTheRateLimit() throws Exception {
        HttpResponse<String> accepted = intake(complaint(), "203.0.113.50");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        String trackingNo = json.readTree(accepted.body()).get("trackingNo").asText();
        assertThat(jdbc.queryForList("SELECT client_ip FROM audit_log WHERE record_no = ?", String.class, trackingNo))
                .isNotEmpty().doesNotContain("203.0.113.50");

        int refusedOrAccepted = 1;
        HttpResponse<String> answer;
        do {
            answer = intake(Map.of(), "198.51.100." + refusedOrAccepted);
            refusedOrAccepted++;
        } while (answer.statusCode() != 429 && refusedOrAccepted < 30);
        assertThat(answer.statusCode()).isEqualTo(429);
        // a new forged address does not buy new attempts
        assertThat(intake(complaint(), "192.0.2.99").statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> intake(Map<String, ?> body, String forgedAddress) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/complaints"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forgedAddress)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> complaint() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("anonymous", false);
        body.put("complainantName", "李四");
        body.put("complainantPhone", "13900001111");
        body.put("agencyCode", "SCJ");
        body.put("fieldCode", "MARKET");
        body.put("occurredOn", LocalDate.now().minusDays(3).toString());
        body.put("occurredPlace", "人民路农贸市场");
        body.put("facts", "执法人员检查摊位时未出示执法证件。");
        body.put("demands", "请求依法核查并纠正。");
        return body;
    }
}
