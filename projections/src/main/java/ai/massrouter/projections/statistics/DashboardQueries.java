package ai.massrouter.projections.statistics;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.statistics.DashboardView;
import ai.massrouter.api.statistics.DashboardWindow;
import ai.massrouter.api.statistics.FindDashboardQuery;
import ai.massrouter.api.statistics.UsageTotals;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin dashboard in two statements: the platform's days of the three windows (today, 7 and 30
 * calendar days up to today) summed, with the total users, the holds open now and the fingerprint
 * of the days before today; then the rankings of the three windows: today's rows of the users' and
 * the models' days added to their sums over the days before, ranked in memory
 * ({@link DashboardRankings}); the sums are read again only when one of those days changed
 * ({@link DashboardPastDays}).
 */
@Component
public class DashboardQueries {

    static final int TOP = 10;
    static final List<String> WINDOWS = List.of("today", "7d", "30d");

    private final JdbcTemplate jdbc;
    private final StatisticsCalendar calendar;
    private final DashboardPastDays pastDays = new DashboardPastDays();

    public DashboardQueries(JdbcTemplate jdbc, StatisticsCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @QueryHandler
    public DashboardView dashboard(FindDashboardQuery query) {
        String currency = calendar.currency();
        LocalDate today = query.today();
        LocalDate[] starts = {today, today.minusDays(6), today.minusDays(29)};
        Map<String, Map<String, Object>> days = new LinkedHashMap<>();
        long[] overall = new long[3];
        String[] past = new String[1];
        jdbc.query("""
                SELECT w.name, COALESCE(sum(d.new_users), 0) AS new_users, COALESCE(sum(d.top_ups), 0) AS top_ups,
                    COALESCE(sum(d.top_up_nanos), 0) AS top_up_nanos, COALESCE(sum(d.refunds), 0) AS refunds,
                    COALESCE(sum(d.refund_nanos), 0) AS refund_nanos, COALESCE(sum(d.calls), 0) AS calls,
                    COALESCE(sum(d.errors), 0) AS errors, COALESCE(sum(d.prompt_tokens), 0) AS prompt_tokens,
                    COALESCE(sum(d.completion_tokens), 0) AS completion_tokens,
                    COALESCE(sum(d.spend_nanos), 0) AS spend_nanos,
                    (SELECT COALESCE(sum(new_users), 0) FROM stat_platform_day) AS total_users,
                    h.holds, h.hold_nanos, """ + DashboardPastDays.fingerprintColumn() + " " + """
                FROM (VALUES ('today', ?::date), ('7d', ?::date), ('30d', ?::date)) AS w (name, start_day)
                LEFT JOIN stat_platform_day d ON d.day >= w.start_day AND d.day <= ?::date
                CROSS JOIN (SELECT count(*) AS holds, COALESCE(sum(amount_nanos), 0) AS hold_nanos
                            FROM open_holds_view) h
                GROUP BY w.name, h.holds, h.hold_nanos""", (ResultSet rs) -> {
            Map<String, Object> row = new HashMap<>();
            for (String column : List.of("new_users", "top_ups", "top_up_nanos", "refunds", "refund_nanos", "calls",
                    "errors", "prompt_tokens", "completion_tokens", "spend_nanos")) {
                row.put(column, rs.getLong(column));
            }
            days.put(rs.getString("name"), row);
            overall[0] = rs.getLong("total_users");
            overall[1] = rs.getLong("holds");
            overall[2] = rs.getLong("hold_nanos");
            past[0] = rs.getString("past");
        }, starts[2], today, starts[0], starts[1], starts[2], today);
        DashboardRankings rankings = DashboardRankings.read(jdbc, pastDays.sums(jdbc, today, past[0]), today,
                currency);
        List<DashboardWindow> windows = new ArrayList<>();
        for (int i = 0; i < WINDOWS.size(); i++) {
            String name = WINDOWS.get(i);
            windows.add(window(name, calendar.instant(starts[i]), days.get(name), rankings, currency));
        }
        return new DashboardView(overall[0], overall[1], new Money(overall[2], currency), windows);
    }

    private static DashboardWindow window(String name, Instant start, Map<String, Object> days,
                                          DashboardRankings rankings, String currency) {
        return new DashboardWindow(name, start, number(days, "new_users"), rankings.active(name),
                number(days, "top_ups"), new Money(number(days, "top_up_nanos"), currency), number(days, "refunds"),
                new Money(number(days, "refund_nanos"), currency),
                new UsageTotals(number(days, "calls"), number(days, "prompt_tokens"),
                        number(days, "completion_tokens"), new Money(number(days, "spend_nanos"), currency)),
                number(days, "errors"), rankings.models(name), rankings.users(name));
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
