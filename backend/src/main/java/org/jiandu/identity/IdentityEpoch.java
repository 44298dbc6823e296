package org.jiandu.identity;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The version of who the users are: one row ({@code identity_epoch}) that every transaction changing a password, a
 * lock, an account, an organisation, a group or a membership raises as it commits, whatever the door (our admin API,
 * the Admin webapp, {@code /engine-rest}, a wrong password). {@link LoginCache} keeps a verified login only with the
 * version it was read under, so such a change ends the remembered logins of every node when it commits.
 *
 * <p>The row is raised once per transaction, just before it commits: the row lock is the transaction's last and is
 * held for the commit only, so identity changes never wait on each other for longer, and cannot deadlock on it.
 */
@Component
public class IdentityEpoch {

    private static final String READ = "SELECT epoch FROM identity_epoch WHERE id = 1";
    /**
     * Up by one, and at least to the time in milliseconds: a database restored from a backup (a lower version) never
     * counts back up to a version a running node remembered logins under.
     */
    private static final String RAISE = "UPDATE identity_epoch SET epoch = GREATEST(epoch + 1, ?) WHERE id = 1";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    IdentityEpoch(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The version now (one indexed read, outside any transaction of the caller's). */
    public long current() {
        Long epoch = jdbc.queryForObject(READ, Long.class);
        return epoch == null ? 0 : epoch;
    }

    /** Who a user is changes in the current transaction: the version is raised as it commits. */
    public void changed() {
        changedIn(dataSource);
    }

    /**
     * As {@link #changed()}, for code that has only the data source of its transaction (the engine's identity provider,
     * {@link JianduIdentityProvider}); without a transaction, at once.
     */
    static void changedIn(DataSource dataSource) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            new JdbcTemplate(dataSource).update(RAISE, System.currentTimeMillis());
            return;
        }
        Key key = new Key(dataSource);
        if (TransactionSynchronizationManager.hasResource(key)) {
            return; // raised once per transaction
        }
        TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                new JdbcTemplate(dataSource).update(RAISE, System.currentTimeMillis());
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
    }

    /** This class's mark on a transaction, per data source (the data source itself is the transaction manager's key). */
    private record Key(DataSource dataSource) {
    }
}
