package org.jiandu.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class SequencesTest extends IntegrationTest {

    @Autowired
    Sequences sequences;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aNumberDrawnAllowingGapsIsNotHeldByTheCallersTransaction() throws Exception {
        String name = "test.gaps." + System.nanoTime();
        long first = sequences.nextAllowingGaps(name);
        // a registration that drew its number and is still busy (engine start, first task ...), and then fails
        Held busy = new Held(status -> {
            status.setRollbackOnly();
            return sequences.nextAllowingGaps(name);
        });
        // the next registration does not wait for it
        long next = CompletableFuture.supplyAsync(() -> sequences.nextAllowingGaps(name)).get(10, TimeUnit.SECONDS);
        assertThat(busy.release()).isEqualTo(first + 1);
        assertThat(next).isEqualTo(first + 2);
        // the failed one's number is not given back: a gap, which a tracking number may have
        assertThat(sequences.nextAllowingGaps(name)).isEqualTo(first + 3);
    }

    @Test
    void aGapFreeNumberOfARolledBackTransactionIsGivenBack() {
        String name = "test.gap-free." + System.nanoTime();
        long first = transactions.execute(status -> sequences.next(name));
        long rolledBack = transactions.execute(status -> {
            status.setRollbackOnly();
            return sequences.next(name);
        });
        assertThat(rolledBack).isEqualTo(first + 1);
        long again = transactions.execute(status -> sequences.next(name));
        assertThat(again).isEqualTo(first + 1);
    }

    @Test
    void twoFirstUsesOfAGapFreeCounterAtOnceGetConsecutiveNumbers() throws Exception {
        String name = "test.first-use." + System.nanoTime();
        // the first use creates the counter's row in a short transaction of its own and then locks it in its own
        Held first = new Held(status -> sequences.next(name));
        // the second waits for the first's commit, not for a creation of its own
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> transactions.execute(status -> sequences.next(name)));
        assertThat(first.release()).isEqualTo(1);
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void aNumberAllowingGapsDrawnInsideATransactionIsCommittedAtOnce() throws Exception {
        String name = "test.inside." + System.nanoTime();
        // an action that holds a gap-free counter (a document number) and draws a record number
        Held busy = new Held(status -> {
            sequences.next("test.inside.gap-free." + name);
            return sequences.nextAllowingGaps(name);
        });
        long next = CompletableFuture.supplyAsync(() -> sequences.nextAllowingGaps(name)).get(10, TimeUnit.SECONDS);
        assertThat(busy.release()).isEqualTo(1);
        assertThat(next).isEqualTo(2);
    }

    /** A transaction, on a thread of its own, that has drawn a number and stays open until {@link #release()}. */
    private final class Held {

        private final CountDownLatch drawn = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final CompletableFuture<Long> result;

        Held(Function<TransactionStatus, Long> draw) throws InterruptedException {
            result = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
                long n = draw.apply(status);
                drawn.countDown();
                await(released);
                return n;
            }));
            assertThat(drawn.await(30, TimeUnit.SECONDS)).isTrue();
        }

        /** Lets the transaction end; the number it drew. */
        long release() throws Exception {
            released.countDown();
            return result.get(30, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
