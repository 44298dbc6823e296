package org.jiandu.workflow;

import java.util.Optional;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A submission that our service has checked in full against its step's rules (which include everything its form
 * requires), held for the rest of the transaction: the step's completion listeners take it as checked and do not check
 * it again, so a submission is validated once. A completion through another door (Tasklist, {@code /engine-rest},
 * {@code /api/tasks}) has none, and its listeners check it.
 */
public final class CheckedSubmissions {

    private CheckedSubmissions() {
    }

    /** Holds {@code checked} for the task until its completion takes it or the transaction ends. */
    public static void hold(String taskId, Object checked) {
        String key = key(taskId);
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
        TransactionSynchronizationManager.bindResource(key, checked);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
    }

    /** Whether a checked submission is held for the task in this transaction. */
    public static boolean held(String taskId) {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.hasResource(key(taskId));
    }

    /** The checked submission of the task, taken (it is used once). */
    public static <T> Optional<T> take(String taskId, Class<T> type) {
        if (!held(taskId)) {
            return Optional.empty();
        }
        return Optional.of(type.cast(TransactionSynchronizationManager.unbindResource(key(taskId))));
    }

    private static String key(String taskId) {
        return CheckedSubmissions.class.getName() + ":" + taskId;
    }
}
