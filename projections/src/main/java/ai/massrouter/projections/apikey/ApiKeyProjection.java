package ai.massrouter.projections.apikey;

import ai.massrouter.api.apikey.ApiKeyCreatedEvent;
import ai.massrouter.api.apikey.ApiKeyExpiredEvent;
import ai.massrouter.api.apikey.ApiKeyLimitsChangedEvent;
import ai.massrouter.api.apikey.ApiKeyRevokedEvent;
import ai.massrouter.api.apikey.ApiKeyUsedEvent;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.apikey.Permission;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

import static ai.massrouter.projections.common.Sql.nanos;
import static ai.massrouter.projections.common.Sql.ts;

/** The API keys read model; every write is absolute, so an event applied twice changes nothing. */
@Component
@ProcessingGroup("api-keys")
public class ApiKeyProjection {

    private final JdbcTemplate jdbc;

    public ApiKeyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApiKeyCreatedEvent e, @SequenceNumber long sequence) {
        SpendLimits l = e.spendLimits();
        jdbc.update("""
                INSERT INTO api_keys_view (key_id, user_id, name, prefix, permissions, status, created_at, expires_at,
                    spend_total_nanos, spend_daily_nanos, spend_monthly_nanos, spend_currency, rate_limit_per_hour,
                    last_sequence)
                VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_id) DO NOTHING""",
                e.keyId().value(), e.userId().value(), e.name(), e.prefix(),
                e.permissions().stream().map(Permission::wireName).sorted().collect(Collectors.joining(",")),
                ts(e.createdAt()), ts(e.expiresAt()), nanos(l.total()), nanos(l.daily()), nanos(l.monthly()),
                currency(l), e.rateLimitPerHour(), sequence);
    }

    @EventHandler
    void on(ApiKeyRevokedEvent e, @SequenceNumber long sequence) {
        // an older event handed again after a newer one (at-least-once delivery) changes nothing
        jdbc.update("UPDATE api_keys_view SET status = 'REVOKED', revoked_at = ?, last_sequence = ? "
                + "WHERE key_id = ? AND last_sequence < ?", ts(e.at()), sequence, e.keyId().value(), sequence);
    }

    @EventHandler
    void on(ApiKeyExpiredEvent e, @SequenceNumber long sequence) {
        jdbc.update("UPDATE api_keys_view SET status = 'EXPIRED', last_sequence = ? "
                + "WHERE key_id = ? AND status = 'ACTIVE' AND last_sequence < ?", sequence, e.keyId().value(), sequence);
    }

    @EventHandler
    void on(ApiKeyLimitsChangedEvent e, @SequenceNumber long sequence) {
        SpendLimits l = e.spendLimits();
        jdbc.update("""
                UPDATE api_keys_view SET spend_total_nanos = ?, spend_daily_nanos = ?, spend_monthly_nanos = ?,
                    spend_currency = ?, rate_limit_per_hour = ?, last_sequence = ? WHERE key_id = ? AND last_sequence < ?""",
                nanos(l.total()), nanos(l.daily()), nanos(l.monthly()), currency(l), e.rateLimitPerHour(), sequence,
                e.keyId().value(), sequence);
    }

    @EventHandler
    void on(ApiKeyUsedEvent e) {
        jdbc.update("UPDATE api_keys_view SET last_used_at = GREATEST(COALESCE(last_used_at, ?), ?) WHERE key_id = ?",
                ts(e.at()), ts(e.at()), e.keyId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE api_keys_view");
    }

    private static String currency(SpendLimits l) {
        return l.total() != null ? l.total().currency() : l.daily() != null ? l.daily().currency()
                : l.monthly() != null ? l.monthly().currency() : null;
    }
}
