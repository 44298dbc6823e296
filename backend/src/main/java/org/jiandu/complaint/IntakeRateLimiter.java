package org.jiandu.complaint;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jiandu.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;

/**
 * Per-client-address limits of the public endpoints (Bucket4j token buckets): complaint intake, and
 * tracking look-ups (which guard the query codes against guessing). The client address is the request's
 * remote address, which behind a trusted proxy is the forwarded one ({@code server.forward-headers-strategy}).
 *
 * <p>On MySQL / MariaDB the buckets live in the shared database ({@code rate_limit_bucket}, Bucket4j's
 * select-for-update JDBC proxy manager), so every node of a cluster counts against the same limit. The embedded
 * H2 database belongs to one JVM, a single node by construction, so there the buckets are kept in memory.
 */
@Component
class IntakeRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(IntakeRateLimiter.class);

    /** Addresses remembered at most in memory; the least recently seen are forgotten first. */
    private static final int MAX_ADDRESSES = 50_000;

    private final Function<String, Bucket> intake;
    private final Function<String, Bucket> lookup;
    private final MySQLSelectForUpdateBasedProxyManager<String> shared;

    IntakeRateLimiter(DataSource dataSource, @Value("${spring.datasource.url}") String databaseUrl,
                      @Value("${jiandu.complaint.intake-limit.capacity:10}") int intakeCapacity,
                      @Value("${jiandu.complaint.intake-limit.period:PT1H}") Duration intakePeriod,
                      @Value("${jiandu.complaint.lookup-limit.capacity:30}") int lookupCapacity,
                      @Value("${jiandu.complaint.lookup-limit.period:PT10M}") Duration lookupPeriod) {
        BucketConfiguration intakeLimit = limit(intakeCapacity, intakePeriod);
        BucketConfiguration lookupLimit = limit(lookupCapacity, lookupPeriod);
        if (databaseUrl.startsWith("jdbc:mysql:") || databaseUrl.startsWith("jdbc:mariadb:")) {
            shared = Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                    // a bucket that has refilled completely holds nothing worth keeping: it may be removed
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                    .build();
            intake = address -> shared.builder().build("intake|" + address, () -> intakeLimit);
            lookup = address -> shared.builder().build("lookup|" + address, () -> lookupLimit);
        } else {
            shared = null;
            intake = inMemory(intakeLimit);
            lookup = inMemory(lookupLimit);
        }
    }

    void checkIntake(String clientAddress) {
        if (!intake.apply(key(clientAddress)).tryConsume(1)) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                    "提交过于频繁，请稍后再试；如情况紧急，请拨打 12345 热线。");
        }
    }

    void checkLookup(String clientAddress) {
        if (!lookup.apply(key(clientAddress)).tryConsume(1)) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", "查询过于频繁，请稍后再试。");
        }
    }

    /** Removes the shared buckets that have refilled completely, a batch at a time (any node may do it). */
    @Scheduled(fixedDelayString = "${jiandu.complaint.bucket-cleanup-interval:PT10M}", initialDelayString = "PT1M")
    void removeFullBuckets() {
        if (shared == null) {
            return;
        }
        int removed;
        do {
            removed = shared.removeExpired(500);
        } while (removed == 500);
        log.debug("Removed full rate-limit buckets");
    }

    private static String key(String clientAddress) {
        return clientAddress == null ? "unknown" : clientAddress;
    }

    private static BucketConfiguration limit(int capacity, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }

    private static Function<String, Bucket> inMemory(BucketConfiguration configuration) {
        Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_ADDRESSES;
            }
        };
        return address -> {
            synchronized (buckets) {
                return buckets.computeIfAbsent(address, key -> Bucket.builder()
                        .addLimit(configuration.getBandwidths()[0]).build());
            }
        };
    }
}
