package org.jiandu.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The database could not be reached: the connection pool gave no connection in time (the server is down or every
 * connection is busy), or a connection broke (SQLSTATE class 08, "connection exception"). The request is answered
 * {@code 503 DATABASE_UNAVAILABLE} with {@code Retry-After}, whichever door it came in by (a controller, the engine
 * inside it, the login), and logged as one WARN line: the outage itself shows in the readiness probe and the pool's
 * own log, not as a stack trace per request. Every user action is one transaction, so a request that failed this
 * way left nothing half-written; only when the connection broke while the commit was on its way can the action have
 * been done, which is why the message asks to look before repeating it.
 */
public final class DatabaseUnavailable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    static final String CODE = "DATABASE_UNAVAILABLE";
    /** How long a client should wait before it tries again: the pool's own wait for a connection. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    static final String MESSAGE = "数据库暂时无法访问，请求未能完成，请稍后重试；提交类操作请先刷新查看是否已经生效，再决定是否重新提交。";

    private DatabaseUnavailable() {
    }

    /** True when the error, or any error it was caused by, says the database could not be reached. */
    public static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // a rollback on a connection the failure had already closed fails with "Connection is closed", which the
            // pool says without an SQL state: judge it by the failure it hides, when the template kept that; when the
            // commit failed (a flush before it met the broken link), the transaction manager only logs that failure,
            // and a JDBC commit or rollback the driver refused is the connection's failure, unless the server itself
            // refused the transaction (a Galera node's certification failure at commit is a 40001: a lost race)
            if (cause instanceof TransactionSystemException failed) {
                Throwable hidden = failed.getApplicationException();
                if (hidden != null) {
                    return causedBy(hidden);
                }
                if (failed.getCause() instanceof SQLException refused && !refusedTheTransaction(refused)) {
                    return true;
                }
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && next.getSQLState().startsWith("08")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The server answered and rolled the transaction back itself: SQLSTATE class 40 (a deadlock's victim, a cluster's
     * certification failure) or 23 (a constraint). Nothing is wrong with the connection.
     */
    private static boolean refusedTheTransaction(SQLException error) {
        String state = error.getSQLState();
        return state != null && (state.startsWith("40") || state.startsWith("23"));
    }

    /** The innermost message of the error, for the one log line. */
    public static String reason(Throwable error) {
        Throwable innermost = error;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
    }

    /** The one WARN line of a request the database failed ({@code request}: its method and path). */
    static void log(String request, Throwable error) {
        log.warn("Database unavailable for {}: {}", request, reason(error));
    }

    static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, CODE, MESSAGE);
    }

    static String retryAfter() {
        return String.valueOf(RETRY_AFTER.toSeconds());
    }

    /** The same answer written from a servlet filter, where no controller advice runs (the login). */
    public static void write(String request, HttpServletResponse response, ObjectMapper json, Throwable error)
            throws IOException {
        log(request, error);
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter());
        Problems.write(response, json, HttpStatus.SERVICE_UNAVAILABLE, CODE, MESSAGE);
    }
}
