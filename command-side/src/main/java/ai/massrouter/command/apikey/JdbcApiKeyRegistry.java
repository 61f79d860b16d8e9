package ai.massrouter.command.apikey;

import ai.massrouter.api.apikey.ApiKeyCreatedEvent;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.apikey.ApiKeyStatus;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.apikey.Permission;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserRole;
import ai.massrouter.api.user.UserStatus;
import ai.massrouter.command.invalidation.CacheInvalidation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@Component
public class JdbcApiKeyRegistry implements ApiKeyRegistry {

    private final JdbcTemplate jdbc;
    private final CacheInvalidation invalidation;

    public JdbcApiKeyRegistry(JdbcTemplate jdbc, CacheInvalidation invalidation) {
        this.jdbc = jdbc;
        this.invalidation = invalidation;
    }

    @Override
    public void register(ApiKeyCreatedEvent key) {
        SpendLimits limits = key.spendLimits();
        jdbc.update("""
                INSERT INTO api_key_lookup (key_id, secret_hash, user_id, permissions, status, expires_at,
                    spend_total_nanos, spend_daily_nanos, spend_monthly_nanos, spend_currency, rate_limit_per_hour)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                key.keyId().value(), key.secretHash(), key.userId().value(), permissions(key.permissions()),
                ApiKeyStatus.ACTIVE.name(), ts(key.expiresAt()), nanos(limits.total()), nanos(limits.daily()),
                nanos(limits.monthly()), currency(limits), key.rateLimitPerHour());
    }

    @Override
    public void changeStatus(ApiKeyId keyId, ApiKeyStatus status) {
        jdbc.update("UPDATE api_key_lookup SET status = ? WHERE key_id = ?", status.name(), keyId.value());
        invalidation.changed(CHANGES, keyId.value());
    }

    @Override
    public void changeLimits(ApiKeyId keyId, SpendLimits limits, Integer rateLimitPerHour) {
        jdbc.update("""
                UPDATE api_key_lookup SET spend_total_nanos = ?, spend_daily_nanos = ?, spend_monthly_nanos = ?,
                    spend_currency = ?, rate_limit_per_hour = ? WHERE key_id = ?""",
                nanos(limits.total()), nanos(limits.daily()), nanos(limits.monthly()), currency(limits),
                rateLimitPerHour, keyId.value());
        invalidation.changed(CHANGES, keyId.value());
    }

    @Override
    public void touch(ApiKeyId keyId, Instant at) {
        jdbc.update("UPDATE api_key_lookup SET last_used_at = ? WHERE key_id = ?", ts(at), keyId.value());
    }

    @Override
    public Optional<ApiKeyRecord> findBySecretHash(String secretHash) {
        return jdbc.query("""
                SELECT k.*, u.role AS user_role, u.status AS user_status
                FROM api_key_lookup k JOIN user_lookup u ON u.user_id = k.user_id
                WHERE k.secret_hash = ?""", this::record, secretHash).stream().findFirst();
    }

    private ApiKeyRecord record(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("spend_currency");
        SpendLimits limits = new SpendLimits(money(rs, "spend_total_nanos", currency),
                money(rs, "spend_daily_nanos", currency), money(rs, "spend_monthly_nanos", currency));
        Integer rate = (Integer) rs.getObject("rate_limit_per_hour");
        return new ApiKeyRecord(ApiKeyId.of(rs.getString("key_id")), UserId.of(rs.getString("user_id")),
                UserRole.valueOf(rs.getString("user_role")), UserStatus.valueOf(rs.getString("user_status")),
                parsePermissions(rs.getString("permissions")), ApiKeyStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("expires_at")), limits, rate, instant(rs.getTimestamp("last_used_at")));
    }

    private static Money money(ResultSet rs, String column, String currency) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : new Money(value, currency);
    }

    private static String permissions(Set<Permission> permissions) {
        return permissions.stream().map(Permission::wireName).sorted().collect(Collectors.joining(","));
    }

    private static Set<Permission> parsePermissions(String csv) {
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        Arrays.stream(csv.split(",")).filter(s -> !s.isBlank())
                .forEach(s -> set.add(Permission.valueOf(s.toUpperCase(Locale.ROOT))));
        return set;
    }

    private static Long nanos(Money money) {
        return money == null ? null : money.nanos();
    }

    private static String currency(SpendLimits limits) {
        return limits.total() != null ? limits.total().currency()
                : limits.daily() != null ? limits.daily().currency()
                : limits.monthly() != null ? limits.monthly().currency() : null;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
