package ai.massrouter.projections.apikey;

import ai.massrouter.api.apikey.ApiKeyPageView;
import ai.massrouter.api.apikey.ApiKeyStatus;
import ai.massrouter.api.apikey.ApiKeyView;
import ai.massrouter.api.apikey.FindApiKeyQuery;
import ai.massrouter.api.apikey.FindApiKeysQuery;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.apikey.Permission;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static ai.massrouter.projections.common.Sql.instant;
import static ai.massrouter.projections.common.Sql.money;

/** Reads of the API keys read model ({@link ApiKeyProjection}): a user's keys, and one key. */
@Component
public class ApiKeyQueries {

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

    public ApiKeyQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
}
