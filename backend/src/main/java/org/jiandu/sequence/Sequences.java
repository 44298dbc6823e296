package org.jiandu.sequence;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free counters. {@link #next(String)} locks the counter's row until the caller's transaction
 * ends: two callers at once get consecutive numbers, and a caller that rolls back gives its number
 * back. It must therefore be called inside the transaction of the action that uses the number.
 */
@Service
public class Sequences {

    private final SequenceMapper mapper;

    Sequences(SequenceMapper mapper) {
        this.mapper = mapper;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String name) {
        Long next = mapper.lock(name);
        if (next == null) {
            try {
                mapper.create(name);
            } catch (DuplicateKeyException createdMeanwhile) {
                // another transaction created the counter first; its row lock orders us behind it
            }
            next = mapper.lock(name);
        }
        mapper.advance(name, next + 1);
        return next;
    }
}
