package org.jiandu.sequence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * A small pool of its own for counters that commit at once ({@link Sequences#nextAllowingGaps}), made from the
 * application pool's settings (same database, same session set-up). Such a counter is drawn in the middle of an
 * action's transaction (a letter's number when the letter is created, a rectification's when a reply review opens
 * it): on a second connection of the application pool, twenty actions at once would each hold one connection and
 * wait for another. Here the wait is only for other counters' few statements, which never wait for the
 * application pool.
 */
@Component
class CounterConnections implements DisposableBean {

    static final int SIZE = 4;

    private final DataSource pool;
    private final boolean own;

    CounterConnections(DataSource dataSource) throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariConfig config = new HikariConfig();
            dataSource.unwrap(HikariDataSource.class).copyStateTo(config);
            config.setPoolName("jiandu-counters");
            config.setMaximumPoolSize(SIZE);
            config.setMinimumIdle(1);
            config.setAutoCommit(false);
            this.pool = new HikariDataSource(config);
            this.own = true;
        } else {
            this.pool = dataSource;
            this.own = false;
        }
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work in a transaction of its own, committed before this returns (rolled back if it throws). */
    <T> T inOwnTransaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("A counter could not be drawn: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        if (own) {
            ((HikariDataSource) pool).close();
        }
    }
}
