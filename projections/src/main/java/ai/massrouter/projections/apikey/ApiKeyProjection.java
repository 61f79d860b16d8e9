package ai.massrouter.projections.apikey;

import ai.massrouter.api.apikey.ApiKeyCreatedEvent;
import ai.massrouter.api.apikey.ApiKeyExpiredEvent;
import ai.massrouter.api.apikey.ApiKeyLimitsChangedEvent;
import ai.massrouter.api.apikey.ApiKeyPageView;
import ai.massrouter.api.apikey.ApiKeyRevokedEvent;
import ai.massrouter.api.apikey.ApiKeyStatus;
import ai.massrouter.api.apikey.ApiKeyUsedEvent;
import ai.massrouter.api.apikey.ApiKeyView;
import ai.massrouter.api.apikey.FindApiKeyQuery;
import ai.massrouter.api.apikey.FindApiKeysQuery;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.auth.Permission;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static ai.massrouter.projections.common.Sql.instant;
import static ai.massrouter.projections.common.Sql.money;
import static ai.massrouter.projections.common.Sql.nanos;
import static ai.massrouter.projections.common.Sql.ts;

/** The API keys read model; every write is absolute, so an event applied twice changes nothing. */
@Component
@ProcessingGroup("api-keys")
public class ApiKeyProjection {

    /** A key past its expiry shows as expired even before anyone presents it again. */
    private static final RowMapper<ApiKeyView> VIEW = (rs, i) -> {
        String currency = rs.getString("spend_currency");
        ApiKeyStatus status = ApiKeyStatus.valueOf(rs.getString("status"));
        if (status == ApiKeyStatus.ACTIVE && rs.getBoolean("past_expiry")) {
            status = ApiKeyStatus.EXPIRED;
        }
        return new ApiKeyView(rs.getString("key_id"), rs.getString("name"), rs.getString("prefix"),
                permissions(rs.getString("permissions")), status, instant(rs, "created_at"),
                instant(rs, "last_used_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                new SpendLimits(money(rs, "spend_total_nanos", currency), money(rs, "spend_daily_nanos", currency),
                        money(rs, "spend_monthly_nanos", currency)),
                (Integer) rs.getObject("rate_limit_per_hour"));
    };

    private final JdbcTemplate jdbc;

    public ApiKeyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApiKeyCreatedEvent e) {
        SpendLimits l = e.spendLimits();
        jdbc.update("""
                INSERT INTO api_keys_view (key_id, user_id, name, prefix, permissions, status, created_at, expires_at,
                    spend_total_nanos, spend_daily_nanos, spend_monthly_nanos, spend_currency, rate_limit_per_hour)
                VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_id) DO NOTHING""",
                e.keyId().value(), e.userId().value(), e.name(), e.prefix(),
                e.permissions().stream().map(Permission::wireName).sorted().collect(Collectors.joining(",")),
                ts(e.createdAt()), ts(e.expiresAt()), nanos(l.total()), nanos(l.daily()), nanos(l.monthly()),
                currency(l), e.rateLimitPerHour());
    }

    @EventHandler
    void on(ApiKeyRevokedEvent e) {
        jdbc.update("UPDATE api_keys_view SET status = 'REVOKED', revoked_at = ? WHERE key_id = ?", ts(e.at()),
                e.keyId().value());
    }

    @EventHandler
    void on(ApiKeyExpiredEvent e) {
        jdbc.update("UPDATE api_keys_view SET status = 'EXPIRED' WHERE key_id = ? AND status = 'ACTIVE'",
                e.keyId().value());
    }

    @EventHandler
    void on(ApiKeyLimitsChangedEvent e) {
        SpendLimits l = e.spendLimits();
        jdbc.update("""
                UPDATE api_keys_view SET spend_total_nanos = ?, spend_daily_nanos = ?, spend_monthly_nanos = ?,
                    spend_currency = ?, rate_limit_per_hour = ? WHERE key_id = ?""",
                nanos(l.total()), nanos(l.daily()), nanos(l.monthly()), currency(l), e.rateLimitPerHour(),
                e.keyId().value());
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

    @QueryHandler
    public ApiKeyPageView find(FindApiKeysQuery query) {
        String where = " WHERE user_id = ?" + (query.includeRevoked() ? "" : " AND status <> 'REVOKED'");
        Long total = jdbc.queryForObject("SELECT count(*) FROM api_keys_view" + where, Long.class,
                query.userId().value());
        List<ApiKeyView> items = jdbc.query("SELECT *, expires_at <= now() AS past_expiry FROM api_keys_view" + where
                        + " ORDER BY created_at DESC, key_id LIMIT ? OFFSET ?", VIEW, query.userId().value(),
                query.page().limit(), query.page().offset());
        return new ApiKeyPageView(items, query.page().page(), query.page().limit(), total == null ? 0 : total);
    }

    @QueryHandler
    public ApiKeyView find(FindApiKeyQuery query) {
        return jdbc.query("SELECT *, expires_at <= now() AS past_expiry FROM api_keys_view WHERE key_id = ?"
                + " AND user_id = ?", VIEW, query.keyId().value(), query.userId().value()).stream().findFirst()
                .orElse(null);
    }

    private static Set<Permission> permissions(String csv) {
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        Arrays.stream(csv.split(",")).filter(s -> !s.isBlank())
                .forEach(s -> set.add(Permission.valueOf(s.toUpperCase(Locale.ROOT))));
        return set;
    }

    private static String currency(SpendLimits l) {
        return l.total() != null ? l.total().currency() : l.daily() != null ? l.daily().currency()
                : l.monthly() != null ? l.monthly().currency() : null;
    }
}
