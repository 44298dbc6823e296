package org.jiandu.sequence;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free counters. {@link #next(String)} locks the counter's row until the caller's transaction
 * ends: two callers at once get consecutive numbers, and a caller that rolls back gives its number
 * back. It must therefore be called inside the transaction of the action that uses the number.
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

    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String name) {
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
