package ai.massrouter.projections.statistics;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.statistics.DashboardUser;
import ai.massrouter.api.statistics.DashboardView;
import ai.massrouter.api.statistics.DashboardWindow;
import ai.massrouter.api.statistics.FindDashboardQuery;
import ai.massrouter.api.statistics.UsageSlice;
import ai.massrouter.api.statistics.UsageTotals;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dashboard as it was first written, kept as the tests' oracle: every window summed from the
 * users' and the models' days by its own statements (14 in all).
 */
class DashboardByScan {

    private static final int TOP = 10;
    private static final Map<String, Integer> WINDOWS = Map.of("today", 1, "7d", 7, "30d", 30);

    private final JdbcTemplate jdbc;
    private final StatisticsCalendar calendar;

    DashboardByScan(JdbcTemplate jdbc, StatisticsCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    DashboardView dashboard(FindDashboardQuery query) {
        String currency = calendar.currency();
        Long users = jdbc.queryForObject("SELECT COALESCE(sum(new_users), 0) FROM stat_platform_day", Long.class);
        Map<String, Object> holds = jdbc.queryForMap("SELECT count(*) AS holds, COALESCE(sum(amount_nanos), 0) "
                + "AS amount FROM open_holds_view");
        List<DashboardWindow> windows = List.of("today", "7d", "30d").stream()
                .map(name -> window(name, query.today().minusDays(WINDOWS.get(name) - 1), query.today(), currency))
                .toList();
        return new DashboardView(users == null ? 0 : users, ((Number) holds.get("holds")).longValue(),
                new Money(((Number) holds.get("amount")).longValue(), currency), windows);
    }

    private DashboardWindow window(String name, LocalDate from, LocalDate to, String currency) {
        Map<String, Object> days = jdbc.queryForMap("""
                SELECT COALESCE(sum(new_users), 0) AS new_users, COALESCE(sum(top_ups), 0) AS top_ups,
                    COALESCE(sum(top_up_nanos), 0) AS top_up_nanos, COALESCE(sum(refunds), 0) AS refunds,
                    COALESCE(sum(refund_nanos), 0) AS refund_nanos, COALESCE(sum(calls), 0) AS calls,
                    COALESCE(sum(errors), 0) AS errors, COALESCE(sum(prompt_tokens), 0) AS prompt_tokens,
                    COALESCE(sum(completion_tokens), 0) AS completion_tokens,
                    COALESCE(sum(spend_nanos), 0) AS spend_nanos
                FROM stat_platform_day WHERE day >= ? AND day <= ?""", from, to);
        Long active = jdbc.queryForObject("SELECT count(DISTINCT user_id) FROM stat_user_day WHERE day >= ? "
                + "AND day <= ?", Long.class, from, to);
        List<UsageSlice> models = jdbc.query("""
                SELECT model_id, sum(calls) AS calls, sum(prompt_tokens) AS prompt_tokens,
                    sum(completion_tokens) AS completion_tokens, sum(spend_nanos) AS spend_nanos
                FROM stat_model_period WHERE period = 'd' AND start_day >= ? AND start_day <= ?
                GROUP BY model_id ORDER BY sum(calls) DESC, model_id LIMIT ?""",
                (rs, i) -> new UsageSlice(rs.getString("model_id"), totals(rs, currency)), from, to, TOP);
        List<DashboardUser> topUsers = jdbc.query("""
                SELECT t.*, u.email FROM (
                    SELECT user_id, sum(calls) AS calls, sum(prompt_tokens) AS prompt_tokens,
                        sum(completion_tokens) AS completion_tokens, sum(spend_nanos) AS spend_nanos
                    FROM stat_user_day WHERE day >= ? AND day <= ?
                    GROUP BY user_id ORDER BY sum(spend_nanos) DESC, user_id LIMIT ?) t
                LEFT JOIN users_view u ON u.user_id = t.user_id ORDER BY t.spend_nanos DESC, t.user_id""",
                (rs, i) -> new DashboardUser(rs.getString("user_id"), rs.getString("email"), totals(rs, currency)),
                from, to, TOP);
        return new DashboardWindow(name, calendar.instant(from), number(days, "new_users"),
                active == null ? 0 : active, number(days, "top_ups"),
                new Money(number(days, "top_up_nanos"), currency), number(days, "refunds"),
                new Money(number(days, "refund_nanos"), currency),
                new UsageTotals(number(days, "calls"), number(days, "prompt_tokens"),
                        number(days, "completion_tokens"), new Money(number(days, "spend_nanos"), currency)),
                number(days, "errors"), models, topUsers);
    }

    private static UsageTotals totals(java.sql.ResultSet rs, String currency) throws java.sql.SQLException {
        return new UsageTotals(rs.getLong("calls"), rs.getLong("prompt_tokens"), rs.getLong("completion_tokens"),
                new Money(rs.getLong("spend_nanos"), currency));
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
