package org.jiandu.complaint;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jiandu.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Per-client-address limits of the public endpoints (Bucket4j token buckets): complaint intake, and
 * tracking look-ups (which guard the query codes against guessing). The buckets live in this node's
 * memory; a cluster needs a shared bucket store (see docs/README-complaint.md). The client address is
 * the request's remote address, which behind a trusted proxy is the forwarded one
 * ({@code server.forward-headers-strategy}).
 */
@Component
class IntakeRateLimiter {

    /** Addresses remembered at most; the least recently seen are forgotten first. */
    private static final int MAX_ADDRESSES = 50_000;

    private final Limit intake;
    private final Limit lookup;

    IntakeRateLimiter(@Value("${jiandu.complaint.intake-limit.capacity:10}") int intakeCapacity,
                      @Value("${jiandu.complaint.intake-limit.period:PT1H}") Duration intakePeriod,
                      @Value("${jiandu.complaint.lookup-limit.capacity:30}") int lookupCapacity,
                      @Value("${jiandu.complaint.lookup-limit.period:PT10M}") Duration lookupPeriod) {
        this.intake = new Limit(intakeCapacity, intakePeriod);
        this.lookup = new Limit(lookupCapacity, lookupPeriod);
    }

    void checkIntake(String clientAddress) {
        if (!intake.tryConsume(clientAddress)) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                    "提交过于频繁，请稍后再试；如情况紧急，请拨打 12345 热线。");
        }
    }

    void checkLookup(String clientAddress) {
        if (!lookup.tryConsume(clientAddress)) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", "查询过于频繁，请稍后再试。");
        }
    }

    /** One limit: a bucket per address. */
    private static final class Limit {
        private final int capacity;
        private final Duration period;
        private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_ADDRESSES;
            }
        };

        Limit(int capacity, Duration period) {
            this.capacity = capacity;
            this.period = period;
        }

        boolean tryConsume(String address) {
            Bucket bucket;
            synchronized (buckets) {
                bucket = buckets.computeIfAbsent(address == null ? "unknown" : address, key -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                        .build());
            }
            return bucket.tryConsume(1);
        }
    }
}
