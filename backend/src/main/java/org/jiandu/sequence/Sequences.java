package org.jiandu.sequence;

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
 * <p>{@link #nextAllowingGaps(String)} advances the counter in a short transaction of its own and commits at
 * once, so its row is locked for a few statements instead of for the caller's whole action; a number drawn by
 * an action that then fails is not given back. For identifiers that only have to be unique and ordered (a
 * complaint's tracking number, TS-YYYY-NNNNNN): with the gap-free kind, every registration in the system
 * waited for the one before it to commit (engine start, first task, timers, notifications).
 *
 * <p>A counter's first use creates its row. Creators first lock one shared row ({@value #CREATION_LOCK})
 * and look again, so that concurrent first uses queue up instead of deadlocking on the duplicate
 * insert, which InnoDB answers with a shared lock that every waiter then wants to upgrade.
 */
@Service
public class Sequences {

    static final String CREATION_LOCK = "#creation-lock";

    private final SequenceMapper mapper;

    Sequences(SequenceMapper mapper) {
        this.mapper = mapper;
    }

    /** The next gap-free number; its row stays locked until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String name) {
        return advance(name);
    }

    /**
     * The next number, committed at once in a transaction of its own (gaps on rollback allowed). Call it before
     * the action's own transaction begins: inside one it would hold a second database connection.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long nextAllowingGaps(String name) {
        return advance(name);
    }

    private long advance(String name) {
        Long next = mapper.lock(name);
        if (next == null) {
            mapper.lock(CREATION_LOCK);
            next = mapper.lock(name);
            if (next == null) {
                mapper.create(name);
                next = mapper.lock(name);
            }
        }
        mapper.advance(name, next + 1);
        return next;
    }
}
