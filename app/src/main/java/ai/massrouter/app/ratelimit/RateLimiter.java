package ai.massrouter.app.ratelimit;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Token buckets kept in PostgreSQL through Bucket4j, so every node draws from one budget.
 * A bucket holds {@code perHour} tokens and refills them evenly over the hour.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final Duration WINDOW = Duration.ofHours(1);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    public RateLimiter(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(5)))
                .build();
    }

    /** Takes one token from {@code bucket} (whose size is part of its key, so a new limit starts a new bucket). */
    public Decision tryConsume(String bucket, long perHour) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(BandwidthBuilder.builder().capacity(perHour).refillGreedy(perHour, WINDOW).build())
                .build();
        try {
            ConsumptionProbe probe = buckets.getProxy(bucket + ":" + perHour, () -> configuration)
                    .tryConsumeAndReturnRemaining(1);
            long retryAfter = seconds(probe.getNanosToWaitForRefill());
            return new Decision(probe.isConsumed(), perHour, probe.getRemainingTokens(),
                    seconds(probe.getNanosToWaitForReset()), probe.isConsumed() ? 0 : Math.max(1, retryAfter));
        } catch (RuntimeException e) {
            // The limiter guards the platform; it must not be the reason the platform is down.
            log.warn("Rate limiter unavailable, letting the request through: {}", e.toString());
            return new Decision(true, perHour, perHour, 0, 0);
        }
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void removeExpiredBuckets() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            log.warn("Could not clean expired rate-limit buckets: {}", e.toString());
        }
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** What a request may know about its budget: the X-RateLimit-* and Retry-After headers. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }
}
