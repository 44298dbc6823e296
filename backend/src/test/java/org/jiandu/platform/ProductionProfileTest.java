package org.jiandu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jiandu.JianduApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code mysql} profile is production: it refuses to start with settings meant for a demo or a test, naming
 * the setting to change; with safe settings a production node starts, answers its probes, and on shutdown
 * finishes the requests in flight. Starts applications of its own (tag {@code own-jvm}).
 */
@Tag("own-jvm")
class ProductionProfileTest {

    /** The production profile, whatever SPRING_PROFILES_ACTIVE the suite runs with (a command-line argument wins). */
    private static final String MYSQL = "--spring.profiles.active=mysql";
    private static final String SAFE_ADMIN = "--jiandu.admin.initial-password=a-long-password-of-our-own";

    @Test
    void refusesDemoUsers() {
        assertRefused("jiandu.demo.enabled=true", MYSQL, "--jiandu.demo.enabled=true");
    }

    @Test
    void refusesADefaultOrShortAdminPassword() {
        assertRefused("JIANDU_ADMIN_PASSWORD", MYSQL, "--jiandu.admin.initial-password=demo");
        assertRefused("JIANDU_ADMIN_PASSWORD", MYSQL, "--jiandu.admin.initial-password=Admin");
        assertRefused("JIANDU_ADMIN_PASSWORD", MYSQL, "--jiandu.admin.initial-password=short1234");
    }

    @Test
    void refusesTheAdjustableClock() {
        assertRefused("jiandu.clock.adjustable=false", MYSQL, "--jiandu.clock.adjustable=true");
    }

    @Test
    void refusesAnInsecureSessionCookieBehindHttps() {
        assertRefused("server.servlet.session.cookie.secure=true", MYSQL, "--jiandu.public-url=https://jiandu.example.gov.cn");
        // over plain http the flag would stop the webapps' login working at all, so it is not demanded there
        assertThat(ProductionGuard.problems(environment("jiandu.public-url=http://10.0.0.5:8080"))).isEmpty();
        assertThat(ProductionGuard.problems(environment("jiandu.public-url=https://jiandu.example.gov.cn",
                "server.servlet.session.cookie.secure=true"))).isEmpty();
    }

    @Test
    void namesEverySettingToChangeAtOnce() {
        assertThatThrownBy(() -> start(MYSQL, "--jiandu.demo.enabled=true", "--jiandu.clock.adjustable=true"))
                .isInstanceOfSatisfying(ProductionGuard.UnsafeProductionSettings.class,
                        refusal -> assertThat(refusal.problems()).hasSize(2));
    }

    @Test
    void aSafeProductionNodeStartsAnswersItsProbesAndFinishesRequestsInFlightWhenStopped() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(JianduApplication.class, SlowEndpoint.class)
                .web(WebApplicationType.SERVLET)
                .run("--spring.profiles.active=production-check", "--jiandu.production=true",
                        "--spring.datasource.url=jdbc:h2:mem:production-check;DB_CLOSE_DELAY=-1",
                        "--camunda.bpm.process-engine-name=productioncheck", "--jiandu.demo.enabled=false",
                        "--jiandu.public-url=https://jiandu.example.gov.cn", "--server.servlet.session.cookie.secure=true",
                        SAFE_ADMIN, "--server.port=0", "--spring.jmx.enabled=false");
        boolean closed = false;
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> readiness = http.send(get(port, "/actuator/health/readiness"), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
            HttpResponse<String> liveness = http.send(get(port, "/actuator/health/liveness"), HttpResponse.BodyHandlers.ofString());
            assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);

            SlowEndpoint slow = app.getBean(SlowEndpoint.class);
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(get(port, "/graceful-check/slow"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(slow.entered.await(30, TimeUnit.SECONDS)).isTrue();
            Thread stopping = new Thread(app::close, "stopping");
            stopping.start();
            assertThat(slow.closing.await(30, TimeUnit.SECONDS)).isTrue();
            // the node is shutting down while the request is still being worked on. Longer than Tomcat waits for its
            // threads in an immediate shutdown (5 s), after which it closes the connection; the graceful one waits on
            Thread.sleep(6000);
            assertThat(stopping.isAlive()).as("the stop waits for the request").isTrue();
            slow.release.countDown();
            HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("finished");
            stopping.join(60_000);
            closed = !stopping.isAlive();
            assertThat(closed).isTrue();
        } finally {
            if (!closed) {
                app.close();
            }
        }
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    }

    private static void assertRefused(String settingNamed, String... args) {
        assertThatThrownBy(() -> start(args))
                .isInstanceOf(ProductionGuard.UnsafeProductionSettings.class)
                .hasMessageContaining("Refusing to start in production")
                .hasMessageContaining(settingNamed);
    }

    /** Would start the whole application; the guard stops it before any bean (or database connection) exists. */
    private static void start(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--camunda.bpm.process-engine-name=refused", "--server.port=0", "--spring.jmx.enabled=false"));
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(JianduApplication.class)
                .web(WebApplicationType.SERVLET).run(all.toArray(String[]::new))) {
            throw new AssertionError("the application started");
        }
    }

    private static org.springframework.mock.env.MockEnvironment environment(String... properties) {
        var environment = new org.springframework.mock.env.MockEnvironment();
        for (String property : properties) {
            String[] pair = property.split("=", 2);
            environment.setProperty(pair[0], pair[1]);
        }
        return environment;
    }

    /** A request that takes as long as the test says, and notices when the application starts to close. */
    @Configuration(proxyBeanMethods = false)
    @RestController
    static class SlowEndpoint {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch closing = new CountDownLatch(1);

        @GetMapping("/graceful-check/slow")
        String slow() throws InterruptedException {
            entered.countDown();
            release.await(60, TimeUnit.SECONDS);
            return "finished";
        }

        @EventListener(ContextClosedEvent.class)
        void closing() {
            closing.countDown();
        }
    }
}
