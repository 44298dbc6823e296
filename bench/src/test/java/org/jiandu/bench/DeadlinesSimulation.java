package org.jiandu.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 6, deadlines: {@code -Dbench.deadlines.timers} (default 10,000) reminder timers due at the same instant,
 * 09:00 on the first working day after a public holiday, all fired within 60 s and none twice.
 *
 * <ol>
 * <li>Finds that day W in the application's working-day calendar ({@code /api/calendar/days}: the first working day
 * whose eve is a named holiday) and the registration day R = W − 3 working days: a complaint registered on R is due
 * for acceptance 5 working days later and reminded 2 working days before that, at 09:00 on W (the seeded
 * {@code complaint.acceptance} policy).</li>
 * <li>Moves the adjustable clock ({@code POST /api/admin/clock/advance}, the demo clock) to 08:00 on R and registers
 * the complaints through {@code POST /api/complaints} with {@code -Dbench.deadlines.generators} clerks at once
 * (default 8): real engine state, each complaint's 受理审查 task with its reminder and overdue timers.</li>
 * <li>Checks in the database that the reminder timers ({@code ACT_RU_JOB}, activity {@code Timer_AcceptanceReminder})
 * are all due at W 09:00, moves the clock there and measures until none of them is left (the job executor has run
 * them all) — the figure, target 60 s.</li>
 * <li>Checks none fired twice: one {@code TASK_REMINDED} audit row per complaint, and no person notified twice of one
 * complaint's reminder.</li>
 * </ol>
 */
public class DeadlinesSimulation extends Simulation {

    static final int TIMERS = Bench.intProperty("bench.deadlines.timers", 10_000);
    static final int GENERATORS = Bench.intProperty("bench.deadlines.generators", 8);
    static final int WAIT_SECONDS = Bench.intProperty("bench.deadlines.wait", 900);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> AGENCIES = List.of("SCJ", "HBJ", "CGW", "XIAN-SCJ");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** The acceptance reminders' timer jobs (a timer job's handler configuration starts with its activity id). */
    private static final String REMINDERS = "ACT_RU_JOB WHERE TYPE_ = 'timer' "
            + "AND HANDLER_CFG_ LIKE 'Timer_AcceptanceReminder%'";

    static LocalDate registrationDay;
    static LocalDate firstWorkday;
    static String holiday;
    static long generationStarted;

    @Override
    public void before() {
        LocalDate today = clockNow().atZoneSameInstant(ZONE).toLocalDate();
        findFirstWorkdayAfterHoliday(today);
        if (firstWorkday == null) {
            // the seeded arrangements end with the last year the State Council has published (2026 here); New Year's
            // Day is a statutory holiday every year, so the bench enters it as an admin would (the bench's own database)
            LocalDate newYear = LocalDate.of(today.getYear() + 1, 1, 1);
            send("PUT", "/api/calendar/exceptions/" + newYear, "{\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}");
            findFirstWorkdayAfterHoliday(today);
        }
        if (firstWorkday == null) {
            throw new IllegalStateException("No holiday in the calendar within 400 days of " + today);
        }
        String add = Bench.get("admin", "/api/calendar/workdays/add?from=" + firstWorkday + "&days=-3").body();
        Matcher date = Pattern.compile("\"date\":\"([0-9-]+)\"").matcher(add);
        if (!date.find()) {
            throw new IllegalStateException("No answer from /api/calendar/workdays/add: " + add);
        }
        registrationDay = LocalDate.parse(date.group(1));
        advanceTo(registrationDay.atTime(8, 0));
        Bench.result(String.format("deadlines: holiday %s, first working day after it %s; registering %,d complaints on %s "
                + "(clock moved there)", holiday, firstWorkday, TIMERS, registrationDay));
        generationStarted = System.nanoTime();
    }

    /** The first working day after a run of days off with a named holiday in it, more than a week ahead. */
    private static void findFirstWorkdayAfterHoliday(LocalDate today) {
        String days = Bench.get("admin", "/api/calendar/days?from=" + today + "&to=" + today.plusDays(400)).body();
        Matcher day = Pattern.compile("\\{\"date\":\"([0-9-]+)\",\"workday\":(true|false),\"source\":(?:\"[^\"]*\"|null),"
                + "\"name\":(?:\"([^\"]*)\"|null)}").matcher(days);
        String stretchHoliday = null;
        while (day.find()) {
            LocalDate date = LocalDate.parse(day.group(1));
            boolean workday = Boolean.parseBoolean(day.group(2));
            if (!workday) {
                // a run of days off (a weekend, a holiday, both): remember the holiday in it
                stretchHoliday = day.group(3) != null ? day.group(3) : stretchHoliday;
                continue;
            }
            if (stretchHoliday != null && date.isAfter(today.plusDays(7))) {
                firstWorkday = date;
                holiday = stretchHoliday;
                break;
            }
            stretchHoliday = null;
        }
    }

    {
        var generate = scenario("generate waiting timers").exec(repeat(TIMERS / GENERATORS).on(
                exec(http("register complaint").post("/api/complaints").basicAuth("clerk", Bench.PASSWORD)
                        .body(StringBody(session -> """
                                {"source":"LETTER","anonymous":true,"agencyCode":"%s","fieldCode":"MARKET","occurredOn":"%s",
                                 "occurredPlace":"某地","facts":"压测数据（%s）。","demands":"请求查处。"}"""
                                .formatted(AGENCIES.get(ThreadLocalRandom.current().nextInt(AGENCIES.size())),
                                        LocalDate.now().minusDays(2), Bench.unique())))
                        .check(status().is(201)))));
        var fire = scenario("fire the timers").exec(session -> {
            fireAndMeasure();
            return session;
        });
        setUp(generate.injectOpen(atOnceUsers(GENERATORS)).andThen(fire.injectOpen(atOnceUsers(1))))
                .protocols(Bench.protocol());
    }

    private static void fireAndMeasure() {
        double generated = (System.nanoTime() - generationStarted) / 1e9;
        LocalDateTime nineOClock = firstWorkday.atTime(LocalTime.of(9, 0));
        try (Connection db = AuditRows.connect()) {
            long waiting = count(db, "SELECT COUNT(*) FROM " + REMINDERS);
            // the instant most reminder timers wait for, as the engine stored it (the demo data's own are elsewhere)
            Object due;
            long atInstant;
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT DUEDATE_, COUNT(*) FROM "
                    + REMINDERS + " GROUP BY DUEDATE_ ORDER BY COUNT(*) DESC")) {
                rs.next();
                due = rs.getObject(1);
                atInstant = rs.getLong(2);
            }
            Bench.result(String.format("deadlines: %,d complaints registered in %.0f s (%.1f/s); %,d reminder timers "
                    + "waiting, %,d of them due at one instant, %s (expected %s Asia/Shanghai)",
                    TIMERS / GENERATORS * GENERATORS, generated, TIMERS / GENERATORS * GENERATORS / generated, waiting,
                    atInstant, due, nineOClock));
            long reminded = count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'TASK_REMINDED'");
            Map<String, Long> countersBefore = statementCounters(db);
            long started = System.nanoTime();
            advanceTo(nineOClock);
            long left = atInstant;
            double seconds = 0;
            while (left > 0 && seconds < WAIT_SECONDS) {
                Thread.sleep(250);
                left = count(db, "SELECT COUNT(*) FROM " + REMINDERS + " AND DUEDATE_ = ?", due);
                seconds = (System.nanoTime() - started) / 1e9;
            }
            Map<String, Long> countersAfter = statementCounters(db);
            long failed = count(db, "SELECT COUNT(*) FROM " + REMINDERS + " AND EXCEPTION_MSG_ IS NOT NULL");
            long remindedNow = count(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'TASK_REMINDED'") - reminded;
            long twice = count(db, "SELECT COUNT(*) FROM (SELECT record_no FROM audit_log WHERE action = 'TASK_REMINDED' "
                    + "GROUP BY record_no HAVING COUNT(*) > 1) t");
            long notifiedTwice = count(db, "SELECT COUNT(*) FROM (SELECT record_no, recipient FROM notification "
                    + "WHERE kind = 'REMINDER' GROUP BY record_no, recipient HAVING COUNT(*) > 1) t");
            Bench.result(String.format("deadlines: %,d of %,d timers due at %s fired in %.1f s (target <= 60 s)%s; "
                    + "%,d failed and waiting for a retry; %,d TASK_REMINDED audit rows written, %,d complaints reminded "
                    + "more than once, %,d (complaint, person) reminder notifications more than once (target: none twice)",
                    atInstant - left, atInstant, nineOClock, seconds, left > 0 ? " — NOT ALL: " + left + " left after the wait"
                            : "", failed, remindedNow, twice, notifiedTwice));
            if (!countersBefore.isEmpty() && atInstant > left) {
                // every connection's statements: the job threads', and the acquisition's, the sealer's and this poll's
                StringBuilder perTimer = new StringBuilder();
                for (Map.Entry<String, Long> counter : countersAfter.entrySet()) {
                    String name = counter.getKey();
                    perTimer.append(perTimer.isEmpty() ? "" : ", ")
                            .append(name.startsWith("Com_") ? name.substring(4).toUpperCase() : "all statements")
                            .append(String.format(" %.1f", (counter.getValue() - countersBefore.get(name))
                                    / (double) (atInstant - left)));
                }
                Bench.result("deadlines: statements while they fired, per timer (the server's counters, every "
                        + "connection): " + perTimer);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MariaDB's statement counters (empty on H2): what the firing cost, in round trips. */
    private static Map<String, Long> statementCounters(Connection db) throws SQLException {
        Map<String, Long> counters = new LinkedHashMap<>();
        if (!db.getMetaData().getDatabaseProductName().matches("(?i)mysql|mariadb")) {
            return counters;
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name "
                + "IN ('Com_select', 'Com_insert', 'Com_update', 'Com_delete', 'Com_commit', 'Questions')")) {
            while (rs.next()) {
                counters.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counters;
    }

    private static long count(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static OffsetDateTime clockNow() {
        HttpResponse<String> response = Bench.get("admin", "/api/admin/clock");
        Matcher now = Pattern.compile("\"now\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !now.find()) {
            throw new IllegalStateException("The adjustable clock is off (bench/run turns it on for this scenario): "
                    + response.statusCode() + " " + response.body());
        }
        return OffsetDateTime.parse(now.group(1));
    }

    /** Moves the application's clock forward to a local time in Asia/Shanghai. */
    private static void advanceTo(LocalDateTime target) {
        // whole minutes, rounded up: the clock lands in the first minute of the target, never just before it
        long seconds = Duration.between(clockNow().toInstant(), target.atZone(ZONE).toInstant()).toSeconds();
        if (seconds < 60) {
            throw new IllegalStateException("The clock is already past or at " + target);
        }
        long minutes = (seconds + 59) / 60;
        send("POST", "/api/admin/clock/advance", "{\"days\":" + minutes / 1440 + ",\"minutes\":" + minutes % 1440 + "}");
    }

    private static void send(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Bench.BASE_URL + path))
                .header("Authorization", Bench.basic("admin")).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " failed: " + response.statusCode() + " "
                        + response.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
