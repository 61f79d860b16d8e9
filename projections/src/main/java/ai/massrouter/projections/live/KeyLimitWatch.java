package ai.massrouter.projections.live;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.account.UsageChargedEvent;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.live.LiveAudience;
import ai.massrouter.api.live.LiveTopics;
import ai.massrouter.api.live.LiveUpdate;
import ai.massrouter.api.user.UserId;
import ai.massrouter.projections.account.AccountProjection;
import ai.massrouter.projections.common.UnitOfWorkBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ai.massrouter.projections.common.Sql.ts;

/**
 * {@code api_key.limit_near} for a key's owner: the charge that takes what the key spent in total,
 * today or this month to {@code massrouter.alerts.key-limit-percent} (80 %) of that spend limit or
 * beyond, from below it. Only that charge pushes: the next ones are above already, and the next
 * push is for another period (tomorrow's daily spend) or a raised limit. Runs in the accounts
 * processing group, in its batch transaction; the key's spend is kept in {@code live_key_spend}
 * with the account's last sequence applied, so a batch handled twice pushes nothing twice.
 * Nothing is kept or pushed during a replay; the reset empties the table, and a key's row starts
 * again from the rebuilt transactions at its next charge.
 */
@Component
@ProcessingGroup(AccountProjection.GROUP)
public class KeyLimitWatch {

    private record Limits(Long total, Long daily, Long monthly, String currency) {
    }

    private final JdbcTemplate jdbc;
    private final LiveNotices notices;
    private final long percent;

    public KeyLimitWatch(JdbcTemplate jdbc, LiveNotices notices,
                         @Value("${massrouter.alerts.key-limit-percent:80}") long percent) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.percent = percent;
    }

    @EventHandler
    void on(UsageChargedEvent e, @SequenceNumber long seq, @MessageIdentifier String id, ReplayStatus status) {
        charged(e.accountId(), e.userId(), e.usage().apiKeyId(), seq, e.amount(), e.at(), id, status);
    }

    @EventHandler
    void on(HoldSettledEvent e, @SequenceNumber long seq, @MessageIdentifier String id, ReplayStatus status) {
        charged(e.accountId(), e.userId(), e.usage().apiKeyId(), seq, e.charged(), e.at(), id, status);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM live_key_spend");
    }

    /** A charge by a key, kept for the end of the batch. */
    private record Charge(AccountId account, UserId user, String keyId, long seq, Money amount, Instant at,
                          String eventId) {
    }

    private void charged(AccountId account, UserId user, ApiKeyId key, long seq, Money amount, Instant at,
                         String eventId, ReplayStatus status) {
        if (status.isReplay() || key == null) {
            return;
        }
        Charge charge = new Charge(account, user, key.value(), seq, amount, at, eventId);
        UnitOfWorkBatch.add(KeyLimitWatch.class.getName(), ArrayList<Charge>::new, this::watch,
                charges -> charges.add(charge));
    }

    /**
     * The batch's charges, in order: one query for the limits of all their keys, one statement to
     * forget the spend of the keys without any (a limit set later starts from the transactions), and
     * for the keys with one, each charge as it came.
     */
    private void watch(List<Charge> charges) {
        Set<String> keys = new LinkedHashSet<>();
        charges.forEach(charge -> keys.add(charge.keyId()));
        Map<String, Limits> limited = new HashMap<>();
        jdbc.query("SELECT key_id, spend_total_nanos, spend_daily_nanos, spend_monthly_nanos, spend_currency "
                + "FROM api_keys_view WHERE key_id = ANY(?)", rs -> {
            Limits limits = new Limits(rs.getObject("spend_total_nanos", Long.class),
                    rs.getObject("spend_daily_nanos", Long.class), rs.getObject("spend_monthly_nanos", Long.class),
                    rs.getString("spend_currency"));
            if (limits.total() != null || limits.daily() != null || limits.monthly() != null) {
                limited.put(rs.getString("key_id"), limits);
            }
        }, (Object) keys.toArray(String[]::new));
        String[] unlimited = keys.stream().filter(key -> !limited.containsKey(key)).toArray(String[]::new);
        if (unlimited.length > 0) {
            jdbc.update("DELETE FROM live_key_spend WHERE key_id = ANY(?)", (Object) unlimited);
        }
        for (Charge charge : charges) {
            Limits limits = limited.get(charge.keyId());
            if (limits != null) {
                watch(charge, limits);
            }
        }
    }

    private void watch(Charge charge, Limits limits) {
        String keyId = charge.keyId();
        Instant at = charge.at();
        long seq = charge.seq();
        Money amount = charge.amount();
        KeySpent before = spent(charge.account(), keyId, seq, at);
        if (before.lastSequence() >= seq) {
            return;
        }
        before = before.at(at);
        KeySpent after = before.charged(amount.nanos(), at, seq);
        jdbc.update("""
                INSERT INTO live_key_spend (key_id, last_sequence, total_nanos, day, day_nanos, month, month_nanos)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_id) DO UPDATE SET last_sequence = excluded.last_sequence,
                    total_nanos = excluded.total_nanos, day = excluded.day, day_nanos = excluded.day_nanos,
                    month = excluded.month, month_nanos = excluded.month_nanos""",
                keyId, seq, after.total(), after.day(), after.dayNanos(), after.month(), after.monthNanos());
        String currency = limits.currency() == null ? amount.currency() : limits.currency();
        List<Map<String, Object>> crossed = new ArrayList<>();
        near(crossed, "total", limits.total(), before.total(), after.total(), currency);
        near(crossed, "daily", limits.daily(), before.dayNanos(), after.dayNanos(), currency);
        near(crossed, "monthly", limits.monthly(), before.monthNanos(), after.monthNanos(), currency);
        if (!crossed.isEmpty()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("api_key_id", keyId);
            data.put("percent", percent);
            data.put("currency", currency);
            data.put("limits", crossed);
            notices.publishNow(new LiveUpdate(LiveTopics.ALERTS, "api_key.limit_near", charge.eventId(), at,
                    LiveAudience.OWNER, charge.user(), keyId, data));
        }
    }

    /** The key's spend before this charge: its row, or, at its first live charge, its transactions so far. */
    private KeySpent spent(AccountId account, String keyId, long seq, Instant at) {
        List<KeySpent> row = jdbc.query("SELECT * FROM live_key_spend WHERE key_id = ?", (rs, i) -> new KeySpent(
                rs.getLong("last_sequence"), rs.getLong("total_nanos"), rs.getObject("day", LocalDate.class),
                rs.getLong("day_nanos"), rs.getObject("month", LocalDate.class), rs.getLong("month_nanos")),
                keyId);
        if (!row.isEmpty()) {
            return row.get(0);
        }
        return jdbc.queryForObject("""
                SELECT COALESCE(-sum(amount_nanos), 0) AS total,
                       COALESCE(-sum(amount_nanos) FILTER (WHERE created_at >= ?), 0) AS today,
                       COALESCE(-sum(amount_nanos) FILTER (WHERE created_at >= ?), 0) AS this_month
                FROM account_transactions_view
                WHERE account_id = ? AND api_key_id = ? AND type = 'CONSUMPTION' AND sequence_number < ?""",
                (rs, i) -> new KeySpent(seq - 1, rs.getLong("total"), KeySpent.dayOf(at), rs.getLong("today"),
                        KeySpent.monthOf(at), rs.getLong("this_month")),
                ts(KeySpent.dayOf(at).atStartOfDay().toInstant(ZoneOffset.UTC)),
                ts(KeySpent.monthOf(at).atStartOfDay().toInstant(ZoneOffset.UTC)),
                account.value(), keyId, seq);
    }

    /** Adds the limit when this charge took the spend from below its threshold to it or beyond. */
    private void near(List<Map<String, Object>> crossed, String period, Long limit, long before, long after,
                      String currency) {
        if (limit == null || limit <= 0) {
            return;
        }
        long line = Math.multiplyExact(limit, percent);
        if (Math.multiplyExact(before, 100L) < line && Math.multiplyExact(after, 100L) >= line) {
            crossed.add(Map.of("period", period, "limit", new Money(limit, currency).toDecimal(),
                    "spent", new Money(after, currency).toDecimal()));
        }
    }
}
