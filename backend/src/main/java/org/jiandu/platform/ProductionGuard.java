package org.jiandu.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a production node ({@code jiandu.production=true}, which the {@code mysql} profile sets) with
 * settings that are right for a demo or a test and wrong for a real supervision body: demo users with a known
 * password, a default or short first-admin password, the adjustable clock (a per-node test tool), or a session
 * cookie sent over plain http when users reach the application by https. Runs before any bean exists, so a
 * refused node has touched neither the database nor the engine; every setting to change is named at once.
 */
public class ProductionGuard implements EnvironmentPostProcessor {

    /** Passwords that anyone who read the README or tried the demo would try first. */
    static final Set<String> DEFAULT_PASSWORDS = Set.of("demo", "admin", "password", "123456", "12345678", "jiandu",
            "changeme", "admin123", "secret");
    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("jiandu.production", Boolean.class, false)) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeProductionSettings(problems);
        }
    }

    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        if (environment.getProperty("jiandu.demo.enabled", Boolean.class, false)) {
            problems.add("jiandu.demo.enabled=true seeds demo users whose password is 'demo': set jiandu.demo.enabled=false"
                    + " (JIANDU_DEMO_ENABLED=false) / 演示账号（口令 demo）不得用于生产");
        }
        String adminPassword = environment.getProperty("jiandu.admin.initial-password", "");
        if (!adminPassword.isEmpty() && (DEFAULT_PASSWORDS.contains(adminPassword.toLowerCase(Locale.ROOT))
                || adminPassword.length() < MIN_ADMIN_PASSWORD_LENGTH)) {
            problems.add("jiandu.admin.initial-password (JIANDU_ADMIN_PASSWORD) is a default password or shorter than "
                    + MIN_ADMIN_PASSWORD_LENGTH + " characters: choose a long one of your own / 初始管理员口令过于简单");
        }
        if (environment.getProperty("jiandu.clock.adjustable", Boolean.class, false)) {
            problems.add("jiandu.clock.adjustable=true lets an admin move this node's clock (a single-node test tool): set"
                    + " jiandu.clock.adjustable=false / 可调时钟只用于测试");
        }
        String publicUrl = environment.getProperty("jiandu.public-url", "").trim();
        if (publicUrl.toLowerCase(Locale.ROOT).startsWith("https:")
                && !environment.getProperty("server.servlet.session.cookie.secure", Boolean.class, false)) {
            problems.add("jiandu.public-url is " + publicUrl + " but the session cookie would also travel over plain http:"
                    + " set server.servlet.session.cookie.secure=true (SERVER_SERVLET_SESSION_COOKIE_SECURE=true)"
                    + " / 通过 https 访问时会话 Cookie 必须设为 secure");
        }
        return problems;
    }

    /** The refusal: every unsafe setting, each with the setting to change. */
    public static class UnsafeProductionSettings extends IllegalStateException {

        private final List<String> problems;

        UnsafeProductionSettings(List<String> problems) {
            super("Refusing to start in production (jiandu.production=true, profile mysql) with unsafe settings:\n  - "
                    + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
