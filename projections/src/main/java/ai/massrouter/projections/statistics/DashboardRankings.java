package ai.massrouter.projections.statistics;

import ai.massrouter.api.statistics.DashboardUser;
import ai.massrouter.api.statistics.UsageSlice;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's rankings of the three windows in one statement: today's rows of the users' and
 * the models' days added to their sums over the days before ({@link DashboardPastDays}, passed as
 * arrays). The active users of a window are the users with a call in it, the top users rank by
 * spend (ties by user id), the top models by calls (ties by model id), ordered by PostgreSQL.
 */
record DashboardRankings(Map<String, Long> active, Map<String, List<DashboardUser>> users,
                         Map<String, List<UsageSlice>> models) {

    private static final String STATEMENT = """
            WITH past (kind, id, c7, p7, o7, s7, c30, p30, o30, s30) AS (
                SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                    ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])),
            today (kind, id, calls, prompt_tokens, completion_tokens, spend_nanos) AS (
                SELECT 'u', user_id::text, calls, prompt_tokens, completion_tokens, spend_nanos
                FROM stat_user_day WHERE day = ?::date
                UNION ALL
                SELECT 'm', model_id::text, calls, prompt_tokens, completion_tokens, spend_nanos
                FROM stat_model_period WHERE period = 'd' AND start_day = ?::date),
            joined AS (
                SELECT COALESCE(p.kind, t.kind) AS kind, COALESCE(p.id, t.id) AS id,
                    COALESCE(t.calls, 0) AS tc, COALESCE(t.prompt_tokens, 0) AS tp,
                    COALESCE(t.completion_tokens, 0) AS tt, COALESCE(t.spend_nanos, 0) AS ts,
                    COALESCE(p.c7, 0) AS c7, COALESCE(p.p7, 0) AS p7, COALESCE(p.o7, 0) AS o7, COALESCE(p.s7, 0) AS s7,
                    COALESCE(p.c30, 0) AS c30, COALESCE(p.p30, 0) AS p30, COALESCE(p.o30, 0) AS o30,
                    COALESCE(p.s30, 0) AS s30
                FROM past p FULL JOIN today t ON t.kind = p.kind AND t.id = p.id),
            windows AS (
                SELECT j.kind, v.* FROM joined j CROSS JOIN LATERAL (VALUES
                    ('today', j.id, tc, tp, tt, ts),
                    ('7d', j.id, tc + c7, tp + p7, tt + o7, ts + s7),
                    ('30d', j.id, tc + c30, tp + p30, tt + o30, ts + s30))
                    AS v (name, id, calls, prompt_tokens, completion_tokens, spend_nanos)
                WHERE v.calls > 0),
            ranked AS (
                SELECT w.*, count(*) OVER (PARTITION BY w.kind, w.name) AS active,
                    row_number() OVER (PARTITION BY w.kind, w.name
                        ORDER BY CASE WHEN w.kind = 'u' THEN w.spend_nanos ELSE w.calls END DESC, w.id) AS rank
                FROM windows w)
            SELECT r.*, e.email FROM ranked r LEFT JOIN users_view e ON r.kind = 'u' AND e.user_id = r.id
            WHERE r.rank <= ? ORDER BY r.kind, r.name, r.rank""";

    static DashboardRankings read(JdbcTemplate jdbc, DashboardPastDays.Sums past, LocalDate today, String currency) {
        DashboardRankings rankings = new DashboardRankings(new HashMap<>(), new HashMap<>(), new HashMap<>());
        List<Object> args = new ArrayList<>(Arrays.asList(past.columns()));
        args.add(today);
        args.add(today);
        args.add(DashboardQueries.TOP);
        jdbc.query(STATEMENT, (ResultSet rs) -> {
            String name = rs.getString("name");
            if (rs.getString("kind").equals("u")) {
                rankings.active.put(name, rs.getLong("active"));
                rankings.users.computeIfAbsent(name, n -> new ArrayList<>()).add(new DashboardUser(rs.getString("id"),
                        rs.getString("email"), DashboardQueries.totals(rs, currency)));
            } else {
                rankings.models.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(new UsageSlice(rs.getString("id"), DashboardQueries.totals(rs, currency)));
            }
        }, args.toArray());
        return rankings;
    }

    long active(String window) {
        return active.getOrDefault(window, 0L);
    }

    List<DashboardUser> users(String window) {
        return users.getOrDefault(window, List.of());
    }

    List<UsageSlice> models(String window) {
        return models.getOrDefault(window, List.of());
    }
}
