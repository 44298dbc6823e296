package org.jiandu.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.Date;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Camunda's database identity provider, refusing the password of an account that is disabled or has
 * no organisation in {@code app_user}. Every login goes through here: the API's HTTP Basic, the engine
 * REST API and the webapps' own login form.
 *
 * <p>Brute-force protection is Camunda's (growing delays, then a lock after {@code login-max-attempts} wrong
 * passwords), except that the lock ends by itself {@code jiandu.login.lock-minutes} after it began, so that anyone who
 * knows a user id cannot keep the account locked until an admin notices; {@link LoginLocks} audits each lock.
 */
public class JianduIdentityProvider extends DbIdentityServiceProvider {

    private static volatile int lockMinutes = 15;
    private static volatile Consumer<String> onLocked = userId -> { };

    static void configure(int minutes, Consumer<String> lockListener) {
        lockMinutes = minutes;
        onLocked = lockListener;
    }

    /** When a lock that began at the last wrong password ends. */
    static Date lockEnd(Date lastLockExpiration) {
        return new Date(lastLockExpiration.getTime() + lockMinutes * 60_000L);
    }

    private static final String ENABLED_SQL = "SELECT enabled FROM app_user WHERE user_id = ?";

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || password == null || !accountEnabled(userId)) {
            return false;
        }
        return super.checkPassword(userId, password);
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        int maxAttempts = Context.getProcessEngineConfiguration().getLoginMaxAttempts();
        if (user.getAttempts() >= maxAttempts && user.getLockExpirationTime() != null
                && !lockEnd(user.getLockExpirationTime()).after(ClockUtil.getCurrentTime())) {
            unlockUser(user); // the lock has run its course
            return false;
        }
        return super.isUserLocked(user);
    }

    @Override
    protected void lockUser(UserEntity user) {
        super.lockUser(user);
        if (user.getAttempts() == Context.getProcessEngineConfiguration().getLoginMaxAttempts()) {
            onLocked.accept(user.getId());
        }
    }

    private boolean accountEnabled(String userId) {
        Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(ENABLED_SQL)) {
            statement.setString(1, userId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not read whether account " + userId + " is enabled", e);
        }
    }
}
