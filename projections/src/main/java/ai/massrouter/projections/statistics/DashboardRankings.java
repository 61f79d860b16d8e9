package ai.massrouter.projections.statistics;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.statistics.DashboardUser;
import ai.massrouter.api.statistics.UsageSlice;
import ai.massrouter.api.statistics.UsageTotals;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's rankings of the three windows: today's rows of the users' and the models' days
 * (one statement, a row per user or model with a call today) added to their sums over the days
 * before ({@link DashboardPastDays}, in memory), ranked here. The active users of a window are the
 * users with a call in it, the top users rank by spend, the top models by calls, ties by id in
 * code-point order; the top users' e-mail addresses are read in one more statement.
 */
record DashboardRankings(Map<String, Long> active, Map<String, List<DashboardUser>> users,
                         Map<String, List<UsageSlice>> models) {

    private static final String TODAY = """
            SELECT 'u', user_id::text, calls, prompt_tokens, completion_tokens, spend_nanos
            FROM stat_user_day WHERE day = ?::date
            UNION ALL
            SELECT 'm', model_id::text, calls, prompt_tokens, completion_tokens, spend_nanos
            FROM stat_model_period WHERE period = 'd' AND start_day = ?::date""";

    /** An id's calls, prompt and completion tokens and spend in one window. */
    private record Ranked(String id, long[] totals) {
    }

    static DashboardRankings read(JdbcTemplate jdbc, DashboardPastDays.Sums past, LocalDate today, String currency) {
        Map<String, Map<String, long[]>> todays = new HashMap<>();
        jdbc.query(TODAY, (ResultSet rs) -> {
            todays.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                    new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
        }, today, today);
        DashboardRankings rankings = new DashboardRankings(new HashMap<>(), new HashMap<>(), new HashMap<>());
        Map<String, List<Ranked>> topUsers = new HashMap<>();
        for (int window = 0; window < DashboardQueries.WINDOWS.size(); window++) {
            String name = DashboardQueries.WINDOWS.get(window);
            List<Ranked> users = window(todays, past, "u", window);
            rankings.active.put(name, (long) users.size());
            topUsers.put(name, top(users, 3));
            rankings.models.put(name, top(window(todays, past, "m", window), 0).stream()
                    .map(m -> new UsageSlice(m.id(), totals(m.totals(), currency))).toList());
        }
        Map<String, String> emails = emails(jdbc, topUsers);
        topUsers.forEach((name, users) -> rankings.users.put(name, users.stream()
                .map(u -> new DashboardUser(u.id(), emails.get(u.id()), totals(u.totals(), currency))).toList()));
        return rankings;
    }

    /** Every id of the kind with a call in the window (0 today, 1 seven days, 2 thirty days). */
    private static List<Ranked> window(Map<String, Map<String, long[]>> todays, DashboardPastDays.Sums past,
                                       String kind, int window) {
        Map<String, long[]> today = todays.getOrDefault(kind, Map.of());
        Set<String> ids = new LinkedHashSet<>(today.keySet());
        if (window > 0) {
            ids.addAll(past.byKind().getOrDefault(kind, Map.of()).keySet());
        }
        int offset = window == 1 ? 0 : 4;
        List<Ranked> ranked = new ArrayList<>(ids.size());
        for (String id : ids) {
            long[] totals = today.getOrDefault(id, new long[4]).clone();
            if (window > 0) {
                long[] before = past.of(kind, id);
                for (int i = 0; i < totals.length; i++) {
                    totals[i] += before[offset + i];
                }
            }
            if (totals[0] > 0) {
                ranked.add(new Ranked(id, totals));
            }
        }
        return ranked;
    }

    /** The first {@link DashboardQueries#TOP} by the metric at {@code index} (0 calls, 3 spend), descending, ties by id. */
    private static List<Ranked> top(List<Ranked> ranked, int index) {
        return ranked.stream()
                .sorted(Comparator.comparingLong((Ranked r) -> r.totals()[index]).reversed()
                        .thenComparing(Ranked::id))
                .limit(DashboardQueries.TOP).toList();
    }

    private static Map<String, String> emails(JdbcTemplate jdbc, Map<String, List<Ranked>> topUsers) {
        String[] ids = topUsers.values().stream().flatMap(List::stream).map(Ranked::id).distinct()
                .toArray(String[]::new);
        Map<String, String> emails = new HashMap<>();
        if (ids.length > 0) {
            jdbc.query("SELECT user_id, email FROM users_view WHERE user_id = ANY (?)",
                    (ResultSet rs) -> {
                        emails.put(rs.getString(1), rs.getString(2));
                    }, (Object) ids);
        }
        return emails;
    }

    private static UsageTotals totals(long[] totals, String currency) {
        return new UsageTotals(totals[0], totals[1], totals[2], new Money(totals[3], currency));
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
