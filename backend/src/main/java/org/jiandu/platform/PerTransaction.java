package org.jiandu.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read once per transaction: a completion computes several deadlines (the task's due date, its reminder
 * and escalation timers), each of which read the same deadline policy and calendar window. What is remembered is
 * forgotten when the transaction ends, so an admin's change still applies to the next action on every node;
 * writers in the same transaction {@link #forget} what they change. Outside a transaction nothing is remembered.
 */
public final class PerTransaction {

    private PerTransaction() {
    }

    /** The value under {@code key} of {@code owner}'s cache in this transaction, loaded at the first call. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object owner, Object key, Supplier<T> load) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return load.get();
        }
        Map<Object, Object> cache = (Map<Object, Object>) TransactionSynchronizationManager.getResource(owner);
        if (cache == null) {
            cache = new HashMap<>();
            TransactionSynchronizationManager.bindResource(owner, cache);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                }
            });
        }
        if (cache.containsKey(key)) {
            return (T) cache.get(key);
        }
        T value = load.get();
        cache.put(key, value);
        return value;
    }

    /** Forgets what {@code owner} remembered in this transaction (after a write to what it caches). */
    public static void forget(Object owner) {
        Object cache = TransactionSynchronizationManager.getResource(owner);
        if (cache instanceof Map<?, ?> map) {
            map.clear();
        }
    }
}
