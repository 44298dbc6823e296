package org.jiandu.identity;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.jiandu.platform.EngineAccess;
import org.jiandu.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locks after too many wrong passwords (see {@link JianduIdentityProvider}): when one ends, telling the person
 * until when, auditing each lock and each early unlock by an admin.
 */
@Component
public class LoginLocks {

    static final String RECORD_TYPE = "USER";

    private final JdbcTemplate jdbc;
    private final IdentityService identityService;
    private final EngineAccess engineAccess;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int maxAttempts;

    LoginLocks(JdbcTemplate jdbc, IdentityService identityService, EngineAccess engineAccess, AuditLog auditLog, Clock clock,
               PlatformTransactionManager transactions,
               @Value("${jiandu.login.lock-minutes:15}") int lockMinutes,
               @Value("${camunda.bpm.generic-properties.properties.login-max-attempts:10}") int maxAttempts) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.engineAccess = engineAccess;
        this.auditLog = auditLog;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        // the password check may run outside a transaction of ours: the audit row takes one if there is none
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        JianduIdentityProvider.configure(lockMinutes, userId -> inTransaction.executeWithoutResult(status ->
                auditLog.record(RECORD_TYPE, userId, "ACCOUNT_LOCKED", Map.of("attempts", maxAttempts, "minutes", lockMinutes))));
    }

    /** Until when the account is locked after too many wrong passwords; empty when it is not. */
    public Optional<LocalDateTime> lockedUntil(String userId) {
        // read as the driver's Timestamp: MySQL's Connector/J hands DATETIME to getObject as LocalDateTime, H2 not
        List<Date> lockedSince = jdbc.query("SELECT ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?",
                (rows, i) -> rows.getInt(1) >= maxAttempts && rows.getTimestamp(2) != null
                        ? new Date(rows.getTimestamp(2).getTime()) : null, userId);
        if (lockedSince.isEmpty() || lockedSince.get(0) == null) {
            return Optional.empty();
        }
        LocalDateTime until = LocalDateTime.ofInstant(JianduIdentityProvider.lockEnd(lockedSince.get(0)).toInstant(),
                clock.getZone());
        return until.isAfter(LocalDateTime.now(clock)) ? Optional.of(until) : Optional.empty();
    }

    /** An admin ends a lock early. */
    @Transactional
    public void unlock(String userId) {
        engineAccess.withoutAuthorizationChecks(() -> identityService.unlockUser(userId));
        auditLog.record(RECORD_TYPE, userId, "ACCOUNT_UNLOCKED", Map.of());
    }
}
