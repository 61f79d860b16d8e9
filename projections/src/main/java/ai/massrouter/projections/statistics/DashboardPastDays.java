package ai.massrouter.projections.statistics;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The dashboard's users' and models' sums over the days before today (the 6 and the 29 days that
 * the 7- and 30-day windows hold besides today), kept in memory until one of those days changes.
 * They are the expensive part of the dashboard (a row per user and day) and, unlike today, rarely
 * move. A change is seen in the platform's days: every call that grows a user's or a model's day
 * grows its platform day's calls and spend in the same transaction, so the same (day, calls, spend)
 * of the 29 days means the same sums.
 */
final class DashboardPastDays {

    /** Per kind ('u' user, 'm' model) and id: calls, prompt, completion, spend of 6 days, then of 29 days. */
    record Sums(LocalDate today, String fingerprint, Map<String, Map<String, long[]>> byKind) {

        long[] of(String kind, String id) {
            return byKind.getOrDefault(kind, Map.of()).getOrDefault(id, NONE);
        }
    }

    private static final long[] NONE = new long[8];

    private final AtomicReference<Sums> cached = new AtomicReference<>();

    /** The fingerprint of the 29 days before {@code today}, as the dashboard's first statement reads it. */
    static String fingerprintColumn() {
        return "(SELECT COALESCE(string_agg(day || ':' || calls || ':' || spend_nanos, ',' ORDER BY day), '') "
                + "FROM stat_platform_day WHERE day >= ?::date AND day < ?::date) AS past";
    }

    Sums sums(JdbcTemplate jdbc, LocalDate today, String fingerprint) {
        Sums sums = cached.get();
        if (sums != null && sums.today().equals(today) && sums.fingerprint().equals(fingerprint)) {
            return sums;
        }
        Sums fresh = read(jdbc, today);
        cached.set(fresh);
        return fresh;
    }

    private static Sums read(JdbcTemplate jdbc, LocalDate today) {
        LocalDate week = today.minusDays(6);
        LocalDate month = today.minusDays(29);
        Map<String, Map<String, long[]>> byKind = new HashMap<>();
        String[] fingerprint = {""};
        String sums = """
                COALESCE(sum(calls) FILTER (WHERE %1$s >= ?::date), 0),
                COALESCE(sum(prompt_tokens) FILTER (WHERE %1$s >= ?::date), 0),
                COALESCE(sum(completion_tokens) FILTER (WHERE %1$s >= ?::date), 0),
                COALESCE(sum(spend_nanos) FILTER (WHERE %1$s >= ?::date), 0),
                sum(calls), sum(prompt_tokens), sum(completion_tokens), sum(spend_nanos)""";
        jdbc.query("SELECT 'u', user_id, " + sums.formatted("day") + ", NULL FROM stat_user_day "
                + "WHERE day >= ?::date AND day < ?::date GROUP BY user_id "
                + "UNION ALL SELECT 'm', model_id, " + sums.formatted("start_day") + ", NULL FROM stat_model_period "
                + "WHERE period = 'd' AND start_day >= ?::date AND start_day < ?::date GROUP BY model_id "
                + "UNION ALL SELECT 'f', NULL, 0, 0, 0, 0, 0, 0, 0, 0, " + fingerprintColumn(), (ResultSet rs) -> {
            if (rs.getString(1).equals("f")) {
                fingerprint[0] = rs.getString(11);
                return;
            }
            long[] row = new long[8];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getLong(i + 3);
            }
            byKind.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), row);
        }, week, week, week, week, month, today, week, week, week, week, month, today, month, today);
        return new Sums(today, fingerprint[0], byKind);
    }
}
