package org.jiandu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A database that cannot be reached is answered {@code 503 DATABASE_UNAVAILABLE} with {@code Retry-After}, logged as
 * one WARN line, not a 500 with a stack trace: at the login (every request's first statement) and wherever a
 * controller or the engine inside it meets it. The outage of a real server is {@code .ci/db-outage-check}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnavailableTest extends IntegrationTest {

    @Autowired
    private DataSource dataSource;
    @Autowired
    private ThreadPoolTaskScheduler scheduler;

    @Test
    void aRequestThatGetsNoConnectionIsAnswered503AndTheNextOneWorks(CapturedOutput output) throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        long timeout = pool.getHikariConfigMXBean().getConnectionTimeout();
        List<Connection> taken = new ArrayList<>();
        Response refused;
        try {
            pool.getHikariConfigMXBean().setConnectionTimeout(250);
            // every connection of the pool held here: as when the server is down, or all are busy for longer
            while (true) {
                try {
                    taken.add(pool.getConnection());
                } catch (SQLTransientConnectionException exhausted) {
                    break;
                }
            }
            refused = get("clerk", "/api/tasks?view=MINE");
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
            pool.getHikariConfigMXBean().setConnectionTimeout(timeout);
        }
        assertThat(taken).isNotEmpty();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.code()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        assertThat(refused.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as("not a login challenge").isNull();
        assertThat(output.getOut()).contains("Database unavailable for GET /api/tasks");
        // no stack trace for it: not from our handler, nor from a scheduled task that met the empty pool meanwhile
        // (platform.PlatformConfiguration: one WARN line for those too)
        assertThat(output.getOut()).doesNotContain("Unexpected error");

        Response after = get("clerk", "/api/tasks?view=MINE");
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
    }

    @Test
    void aScheduledTaskThatMeetsItLogsOneLineAndOthersTheirStackTrace(CapturedOutput output) throws Exception {
        scheduler.schedule(() -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        }, Instant.now()).get(10, TimeUnit.SECONDS);
        assertThat(output.getOut()).contains("Scheduled task not run, the database is unavailable")
                .doesNotContain("Unexpected error");

        scheduler.schedule(() -> {
            throw new IllegalStateException("a bug in a scheduled task");
        }, Instant.now()).get(10, TimeUnit.SECONDS);
        assertThat(output.getOut()).contains("Unexpected error occurred in scheduled task")
                .contains("java.lang.IllegalStateException: a bug in a scheduled task");
    }

    @Test
    void whatCountsAsTheDatabaseBeingAway() {
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 10000ms.");
        SQLException linkFailure = new SQLNonTransientConnectionException("Communications link failure", "08S01");
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no connection", poolTimeout))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection", poolTimeout))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException(new PersistenceException(linkFailure)))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException(new PersistenceException(
                new SQLException("Connection is closed", "08003"))))).isTrue();

        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new ProcessEngineException(new PersistenceException(linkFailure)));
        assertThat(DatabaseUnavailable.causedBy(rollbackFailed)).as("the failure behind a failed rollback").isTrue();
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"))))
                .as("a rollback after a failed commit, whose failure the transaction manager only logs").isTrue();

        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("no such complaint"))).isFalse();
        TransactionSystemException otherRollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        otherRollback.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseUnavailable.causedBy(otherRollback)).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new ProcessEngineException(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000"))))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("Deadlock found", "40001", 1213))).isFalse();
    }

    @Test
    void theEngineMeetingItInsideAnActionIsAnswered503Too() {
        ProblemHandler handler = new ProblemHandler();
        ResponseEntity<ProblemDetail> answer = handler.engine(new ProcessEngineException("flush failed",
                new PersistenceException(new SQLNonTransientConnectionException("Communications link failure", "08S01"))));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "DATABASE_UNAVAILABLE");
    }

    @Test
    void aCommitTheServerRefusedIsALostRaceNotAnOutage() {
        // a Galera node refuses a commit whose rows another node's transaction changed first (certification failure):
        // the server answered and rolled it back, the connection is fine, and nothing was written
        TransactionSystemException refusedCommit = new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
        assertThat(DatabaseUnavailable.causedBy(refusedCommit)).isFalse();

        ResponseEntity<ProblemDetail> answer = new ProblemHandler().unexpected(refusedCommit);
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "CONCURRENT_CHANGE");

        TransactionSystemException brokenCommit = new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("Communications link failure during commit()"));
        assertThat(new ProblemHandler().unexpected(brokenCommit).getStatusCode().value())
                .as("a commit the driver could not send is still the connection's failure").isEqualTo(503);
    }
}
