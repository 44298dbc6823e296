package org.jiandu.sequence;

import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small pool of its own for counters that commit at once ({@link Sequences#nextAllowingGaps}), made from the
 * application pool's settings (same database, same session set-up). Such a counter is drawn in the middle of an
 * action's transaction (a letter's number when the letter is created, a rectification's when a reply review opens
 * it): on a second connection of the application pool, twenty actions at once would each hold one connection and
 * wait for another. Here the wait is only for other counters' few statements, which never wait for the
 * application pool. Its first connection is opened at first use, not at start-up.
 */
@Component
class CounterConnections implements DisposableBean {

    static final int SIZE = 4;

    private final HikariDataSource pool;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    CounterConnections(DataSource dataSource) throws SQLException {
        HikariConfig config = new HikariConfig();
        dataSource.unwrap(HikariDataSource.class).copyStateTo(config);
        config.setPoolName("jiandu-counters");
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
        this.jdbc = new JdbcTemplate(pool);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    /**
     * Runs the work in a transaction of its own on this pool, committed before this returns (rolled back if it
     * throws), whatever transaction the caller is in.
     */
    <T> T inOwnTransaction(Function<JdbcTemplate, T> work) {
        return transactions.execute(status -> work.apply(jdbc));
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
