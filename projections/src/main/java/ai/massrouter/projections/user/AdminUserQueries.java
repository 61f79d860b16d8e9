package ai.massrouter.projections.user;

import ai.massrouter.api.common.BillingSettings;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.AdminUserPageView;
import ai.massrouter.api.user.AdminUserView;
import ai.massrouter.api.user.FindAdminUsersQuery;
import ai.massrouter.projections.common.Sql;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The admin user list: the users' read model joined with each one's balance (accounts' read
 * model) and total top-ups and spend (statistics' read model). While one of those is being
 * rebuilt its figures lag behind.
 */
@Component
public class AdminUserQueries {

    private final JdbcTemplate jdbc;
    private final String currency;

    public AdminUserQueries(JdbcTemplate jdbc, BillingSettings billing) {
        this.jdbc = jdbc;
        this.currency = billing.currency();
    }

    @QueryHandler
    public AdminUserPageView users(FindAdminUsersQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.status() != null) {
            where.append(" AND u.status = ?");
            args.add(query.status().name());
        }
        if (query.role() != null) {
            where.append(" AND u.role = ?");
            args.add(query.role().name());
        }
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" AND (lower(u.email) LIKE ? OR lower(u.username) LIKE ?)");
            String like = Sql.likePattern(query.search().trim().toLowerCase(Locale.ROOT));
            args.add(like);
            args.add(like);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM users_view u" + where, Long.class, args.toArray());
        String direction = query.descending() ? " DESC" : " ASC";
        String order = switch (query.sort()) {
            case CREATED_AT -> "u.created_at";
            case EMAIL -> "lower(u.email)";
            case BALANCE -> "balance_nanos";
            case TOP_UPS -> "top_up_nanos";
            case SPEND -> "spend_nanos";
        };
        args.add(query.page().limit());
        args.add(query.page().offset());
        List<AdminUserView> items = jdbc.query("""
                SELECT u.*, COALESCE(b.balance_nanos, 0) AS balance_nanos, COALESCE(t.top_up_nanos, 0) AS top_up_nanos,
                    COALESCE(t.spend_nanos, 0) AS spend_nanos, COALESCE(t.calls, 0) AS calls
                FROM users_view u LEFT JOIN account_balances_view b ON b.user_id = u.user_id
                LEFT JOIN stat_user_totals t ON t.user_id = u.user_id""" + where
                + " ORDER BY " + order + direction + ", u.user_id LIMIT ? OFFSET ?", (rs, i) -> new AdminUserView(
                UserQueries.VIEW.mapRow(rs, i), new Money(rs.getLong("balance_nanos"), currency),
                new Money(rs.getLong("top_up_nanos"), currency), new Money(rs.getLong("spend_nanos"), currency),
                rs.getLong("calls")), args.toArray());
        return new AdminUserPageView(items, query.page().page(), query.page().limit(), total == null ? 0 : total);
    }
}
