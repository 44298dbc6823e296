package org.jiandu.deadline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiandu.calendar.Workdays;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A {@link Deadlines} over the default policies as the migration seeds them, without a database: for
 * plain process tests. The policies are read from the migrations in {@code db/migration} themselves
 * (rows of {@code INSERT INTO deadline_policy}), so a changed or added default shows up here too.
 */
public final class TestDeadlines {

    private static final Pattern ROW = Pattern.compile(
            "\\('([a-z.-]+)',\\s*'([^']*)',\\s*(\\d+),\\s*'(WORKING|CALENDAR)',\\s*(\\d+),");

    private TestDeadlines() {
    }

    public static Deadlines create(Workdays workdays) {
        Map<String, DeadlinePolicy> policies = defaults();
        DeadlinePolicyMapper mapper = new DeadlinePolicyMapper() {
            @Override
            public List<DeadlinePolicy> findAll() {
                return List.copyOf(policies.values());
            }

            @Override
            public Optional<DeadlinePolicy> find(String key) {
                return Optional.ofNullable(policies.get(key));
            }

            @Override
            public int update(String key, String description, int days, DeadlinePolicy.DayCount dayKind,
                              int reminderDays, String updatedBy, LocalDateTime updatedAt) {
                policies.put(key, new DeadlinePolicy(key, description, days, dayKind, reminderDays, updatedBy, updatedAt));
                return 1;
            }
        };
        return new Deadlines(mapper, workdays, null, Clock.systemUTC());
    }

    static Map<String, DeadlinePolicy> defaults() {
        Map<String, DeadlinePolicy> policies = new LinkedHashMap<>();
        try {
            Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql");
            java.util.Arrays.sort(migrations, java.util.Comparator.comparing(Resource::getFilename));
            for (Resource migration : migrations) {
                String sql = migration.getContentAsString(StandardCharsets.UTF_8);
                if (!sql.contains("deadline_policy")) {
                    continue;
                }
                Matcher row = ROW.matcher(sql);
                while (row.find()) {
                    policies.put(row.group(1), new DeadlinePolicy(row.group(1), row.group(2),
                            Integer.parseInt(row.group(3)), DeadlinePolicy.DayCount.valueOf(row.group(4)),
                            Integer.parseInt(row.group(5)), "system", null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return policies;
    }
}
