package org.jiandu.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.Date;
import java.util.function.Consumer;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
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
 *
 * <p>Every write of a user, group, membership or lock (a wrong password's count included) raises the
 * {@link IdentityEpoch} in its transaction, whichever door it came through, so that no node keeps accepting a login
 * that the change would refuse or describe otherwise ({@link LoginCache}).
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
        changed();
        super.lockUser(user);
        if (user.getAttempts() == Context.getProcessEngineConfiguration().getLoginMaxAttempts()) {
            onLocked.accept(user.getId());
        }
    }

    @Override
    protected IdentityOperationResult unlockUser(UserEntity user) {
        // every accepted password comes here: a change only when there are wrong attempts or a lock to lift
        if (user.getAttempts() > 0 || user.getLockExpirationTime() != null) {
            changed();
        }
        return super.unlockUser(user);
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        changed();
        return super.saveUser(user);
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        changed();
        return super.deleteUser(userId);
    }

    @Override
    public IdentityOperationResult saveGroup(Group group) {
        changed();
        return super.saveGroup(group);
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        changed();
        return super.deleteGroup(groupId);
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        changed();
        return super.createMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        changed();
        return super.deleteMembership(userId, groupId);
    }

    private static void changed() {
        IdentityEpoch.changedIn(Context.getProcessEngineConfiguration().getDataSource());
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
