package org.jiandu.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
        CountDownLatch drawn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // a registration that drew its number and is still busy (engine start, first task ...)
        CompletableFuture<Long> busy = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            long n = sequences.nextAllowingGaps(name);
            drawn.countDown();
            await(release);
            status.setRollbackOnly(); // ... and then fails
            return n;
        }));
        assertThat(drawn.await(30, TimeUnit.SECONDS)).isTrue();
        // the next registration does not wait for it
        long next = CompletableFuture.supplyAsync(() -> sequences.nextAllowingGaps(name)).get(10, TimeUnit.SECONDS);
        release.countDown();
        assertThat(busy.get(30, TimeUnit.SECONDS)).isEqualTo(first + 1);
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
        CountDownLatch drawn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the first use creates the counter's row in a short transaction of its own and then locks it in its own
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            long n = sequences.next(name);
            drawn.countDown();
            await(release);
            return n;
        }));
        assertThat(drawn.await(30, TimeUnit.SECONDS)).isTrue();
        // the second waits for the first's commit, not for a creation of its own
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> transactions.execute(status -> sequences.next(name)));
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void aNumberAllowingGapsDrawnInsideATransactionIsCommittedAtOnce() throws Exception {
        String name = "test.inside." + System.nanoTime();
        CountDownLatch drawn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> busy = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            long n = sequences.next("test.inside.gap-free." + name); // the action holds a gap-free counter too
            n = sequences.nextAllowingGaps(name);
            drawn.countDown();
            await(release);
            return n;
        }));
        assertThat(drawn.await(30, TimeUnit.SECONDS)).isTrue();
        long next = CompletableFuture.supplyAsync(() -> sequences.nextAllowingGaps(name)).get(10, TimeUnit.SECONDS);
        release.countDown();
        assertThat(busy.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(next).isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
