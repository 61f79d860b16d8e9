package ai.massrouter.app.ratelimit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The token buckets every node draws from, in {@code rate_limit_budget}: a bucket of
 * {@code capacity} tokens refilled evenly over an hour, computed from the database's clock. Each
 * call is one atomic statement: the row is locked only while the statement runs.
 */
@Component
public class SharedBudgets {

    /** The tokens of bucket {@code b} now: what it had, plus the refill since, up to its capacity. */
    private static final String AVAILABLE = "LEAST(b.capacity, b.tokens + GREATEST(0, extract(epoch FROM now() - "
            + "b.refilled_at)) * b.capacity / 3600.0)";

    private static final String TAKE = """
            INSERT INTO rate_limit_budget AS b (bucket, capacity, tokens, refilled_at, granted)
            VALUES (?, ?, ? - LEAST(?, ?), now(), LEAST(?, ?))
            ON CONFLICT (bucket) DO UPDATE SET granted = LEAST(?, floor(%1$s)::bigint),
                tokens = %1$s - LEAST(?, floor(%1$s)::bigint), refilled_at = GREATEST(b.refilled_at, now())
            RETURNING granted, tokens""".formatted(AVAILABLE);

    private static final String GIVE_BACK = """
            UPDATE rate_limit_budget b SET tokens = LEAST(b.capacity, %s + ?), refilled_at = GREATEST(b.refilled_at, now())
            WHERE bucket = ?""".formatted(AVAILABLE);

    private final JdbcTemplate jdbc;

    public SharedBudgets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes up to {@code wanted} whole tokens; says how many it got and how many the bucket has left. */
    Grant take(String bucket, long capacity, long wanted) {
        return jdbc.queryForObject(TAKE, (rs, i) -> new Grant(rs.getLong("granted"), rs.getDouble("tokens")),
                bucket, capacity, capacity, wanted, capacity, wanted, capacity, wanted, wanted);
    }

    /** Returns tokens taken and not spent. */
    void giveBack(String bucket, long tokens) {
        jdbc.update(GIVE_BACK, tokens, bucket);
    }

    /** Deletes the buckets untouched for an hour: full again, as a missing bucket is. */
    int removeFull() {
        return jdbc.update("DELETE FROM rate_limit_budget WHERE refilled_at < now() - interval '1 hour'");
    }

    /** {@code granted} whole tokens for the taker; {@code left}: what the bucket still holds (fractional). */
    record Grant(long granted, double left) {
    }
}
