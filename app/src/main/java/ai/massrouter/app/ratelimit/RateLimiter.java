package ai.massrouter.app.ratelimit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets of {@code perHour} tokens refilled evenly over the hour, shared by every node
 * ({@link SharedBudgets}). A node does not ask the database for each request: it takes a lease of
 * tokens from the shared bucket (one atomic statement; {@code perHour / 50} tokens, at least 1 and
 * at most 1,000) and spends it locally; when the lease is spent it takes another.
 * <p>
 * What this guarantees across nodes: every request let through spent a token taken from the
 * shared bucket, so all nodes together never let through more than the limit allows. What it
 * costs: a node may refuse while another holds tokens it has leased and not spent (at most one
 * lease per node and bucket); a lease unused for a second is given back. A bucket found empty is
 * not asked again for a second, or until its next token, whichever comes first. With limits
 * under 100 an hour a lease is one token: every request asks the database, and the limit is exact.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final long HOUR_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SharedBudgets budgets;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    public RateLimiter(SharedBudgets budgets) {
        this.budgets = budgets;
    }

    /** Takes one token from {@code bucket} (whose size is part of its key, so a new limit starts a new bucket). */
    public Decision tryConsume(String bucket, long perHour) {
        String key = bucket + ":" + perHour;
        while (true) {
            Lease lease = leases.computeIfAbsent(key, k -> new Lease());
            synchronized (lease) {
                if (!lease.forgotten) {
                    return consume(key, perHour, lease);
                }
            }
        }
    }

    private Decision consume(String key, long perHour, Lease lease) {
        long now = System.nanoTime();
        lease.lastUsed = now;
        if (lease.tokens == 0) {
            if (now < lease.askAgainAt) {
                return refused(perHour, lease.nextTokenAt - now);
            }
            try {
                SharedBudgets.Grant grant = budgets.take(key, perHour, leaseSize(perHour));
                lease.tokens = grant.granted();
                lease.shared = grant.left();
            } catch (RuntimeException e) {
                // The limiter guards the platform; it must not be the reason the platform is down.
                log.warn("Rate limiter unavailable, letting the request through: {}", e.toString());
                return new Decision(true, perHour, perHour, 0, 0);
            }
            if (lease.tokens == 0) {
                long untilNextToken = (long) ((1 - lease.shared) * HOUR_NANOS / perHour);
                lease.nextTokenAt = now + untilNextToken;
                lease.askAgainAt = now + Math.min(untilNextToken, IDLE_NANOS);
                return refused(perHour, untilNextToken);
            }
        }
        lease.tokens--;
        long remaining = lease.tokens + (long) lease.shared;
        long untilFull = (long) ((double) (perHour - remaining) / perHour * HOUR_NANOS);
        return new Decision(true, perHour, remaining, seconds(untilFull), 0);
    }

    static long leaseSize(long perHour) {
        return Math.max(1, Math.min(perHour / 50, 1000));
    }

    private static Decision refused(long perHour, long untilNextToken) {
        return new Decision(false, perHour, 0, seconds(HOUR_NANOS), Math.max(1, seconds(untilNextToken)));
    }

    /** Leases unused for a second go back to their shared bucket, for the other nodes. */
    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT1S")
    void giveBackIdleLeases() {
        long now = System.nanoTime();
        leases.forEach((key, lease) -> {
            synchronized (lease) {
                if (now - lease.lastUsed < IDLE_NANOS) {
                    return;
                }
                if (lease.tokens > 0) {
                    giveBack(key, lease);
                } else if (now - lease.lastUsed > 60 * IDLE_NANOS) {
                    lease.forgotten = true;
                    leases.remove(key);
                }
            }
        });
    }

    @PreDestroy
    void giveBackAll() {
        leases.forEach((key, lease) -> {
            synchronized (lease) {
                if (lease.tokens > 0) {
                    giveBack(key, lease);
                }
            }
        });
    }

    private void giveBack(String key, Lease lease) {
        try {
            budgets.giveBack(key, lease.tokens);
            lease.tokens = 0;
        } catch (RuntimeException e) {
            log.warn("Could not give back {} rate-limit tokens of {}: {}", lease.tokens, key, e.toString());
        }
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void removeFullBuckets() {
        try {
            budgets.removeFull();
        } catch (RuntimeException e) {
            log.warn("Could not clean full rate-limit buckets: {}", e.toString());
        }
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** This node's part of a shared bucket: tokens taken and not yet spent. */
    private static final class Lease {
        long tokens;
        /** What the shared bucket held after the last lease was taken. */
        double shared;
        long lastUsed;
        long nextTokenAt;
        long askAgainAt;
        /** Removed from the map: a caller that still holds it takes the new one. */
        boolean forgotten;
    }

    /** What a request may know about its budget: the X-RateLimit-* and Retry-After headers. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }
}
