package org.jiandu.sequence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counters, of two kinds.
 *
 * <p>{@link #next(String)} is gap-free: it locks the counter's row until the caller's transaction ends, so two
 * callers at once get consecutive numbers and a caller that rolls back gives its number back. It must therefore
 * be called inside the transaction of the action that uses the number, and every other caller of the same
 * counter waits for that transaction's commit: call it as late in the action as possible. Document numbers
 * (发文字号) need it: a missing 文号 in an issuing body's register has to be explained.
 *
 * <p>{@link #nextAllowingGaps(String)} advances the counter in a short transaction of its own on a connection of
 * its own ({@link CounterConnections}) and commits at once, so its row is locked for a few statements instead of
 * for the caller's whole action; a number drawn by an action that then fails is not given back. For identifiers
 * that only have to be unique and ordered: a complaint's tracking number (TS-YYYY-NNNNNN) and the record numbers
 * of letters, rectifications, clues and cases (JY-, ZG-, XS-, AJ-). With the gap-free kind, every registration
 * in the system waited for the one before it to commit (engine start, first task, timers, notifications).
 *
 * <p>A counter's first use creates its row, in a short transaction of its own: creators first lock one shared
 * row ({@value #CREATION_LOCK}) and look again, so that concurrent first uses queue up instead of deadlocking on
 * the duplicate insert, which InnoDB answers with a shared lock that every waiter then wants to upgrade. Only
 * such short transactions ever lock that row.
 */
@Service
public class Sequences {

    static final String CREATION_LOCK = "#creation-lock";

    /** The application's pool: statements in the caller's transaction. */
    private final JdbcTemplate jdbc;
    private final CounterConnections counters;

    Sequences(JdbcTemplate jdbc, CounterConnections counters) {
        this.jdbc = jdbc;
        this.counters = counters;
    }

    /** The next gap-free number; its row stays locked until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String name) {
        return draw(jdbc, name, () -> counters.inOwnTransaction(own -> {
            create(own, name);
            return null;
        }));
    }

    /**
     * The next number, committed at once in a transaction of its own (gaps on rollback allowed), inside or outside
     * the caller's transaction: it neither waits for the caller's commit nor takes a second connection of its pool.
     */
    public long nextAllowingGaps(String name) {
        return counters.inOwnTransaction(own -> draw(own, name, () -> create(own, name)));
    }

    /** Locks the counter's row (made by {@code creation} at its first use) and moves it on; the number drawn. */
    private static long draw(JdbcTemplate jdbc, String name, Runnable creation) {
        Long next = lock(jdbc, name);
        if (next == null) {
            creation.run();
            next = lock(jdbc, name);
        }
        jdbc.update("UPDATE number_sequence SET next_value = ? WHERE seq_name = ?", next + 1, name);
        return next;
    }

    /**
     * Creates the counter's row (starting at 1) unless it is there, under the creation lock. It looks without
     * locking the counter's row: a gap-free counter's row may be locked by an action that is waiting for this.
     */
    private static void create(JdbcTemplate jdbc, String name) {
        lock(jdbc, CREATION_LOCK);
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM number_sequence WHERE seq_name = ?", Integer.class, name);
        if (rows == null || rows == 0) {
            jdbc.update("INSERT INTO number_sequence (seq_name, next_value) VALUES (?, 1)", name);
        }
    }

    private static Long lock(JdbcTemplate jdbc, String name) {
        return jdbc.query("SELECT next_value FROM number_sequence WHERE seq_name = ? FOR UPDATE",
                rows -> rows.next() ? rows.getLong(1) : null, name);
    }
}
