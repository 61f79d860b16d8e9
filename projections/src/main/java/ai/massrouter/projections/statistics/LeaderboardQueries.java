package ai.massrouter.projections.statistics;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.statistics.FindLeaderboardQuery;
import ai.massrouter.api.statistics.LeaderboardEntry;
import ai.massrouter.api.statistics.LeaderboardView;
import ai.massrouter.api.statistics.StatsPeriod;
import ai.massrouter.api.statistics.UsageTotals;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The leaderboard: one row per model of the period (pre-aggregated), ranked by the metric, ties by
 * model id; a model's rank change compares it with its rank in the previous period among all models
 * used then (null when it was not used then).
 */
@Component
public class LeaderboardQueries {

    private final JdbcTemplate jdbc;
    private final StatisticsCalendar calendar;

    public LeaderboardQueries(JdbcTemplate jdbc, StatisticsCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @QueryHandler
    public LeaderboardView leaderboard(FindLeaderboardQuery query) {
        StatsPeriod period = query.period();
        LocalDate start = period.start(query.day());
        String metric = switch (query.metric()) {
            case CALLS -> "calls";
            case TOKENS -> "(prompt_tokens + completion_tokens)";
            case SPEND -> "spend_nanos";
        };
        String category = query.category() == null ? "" : " AND category = ?";
        String ranked = "SELECT *, row_number() OVER (ORDER BY " + metric + " DESC, model_id) AS rank "
                + "FROM stat_model_period WHERE period = ? AND start_day = ?" + category;
        List<Object> args = new ArrayList<>(List.of(period.code(), start));
        if (query.category() != null) {
            args.add(query.category());
        }
        args.addAll(List.of(period.code(), period.previous(start)));
        if (query.category() != null) {
            args.add(query.category());
        }
        args.add(query.limit());
        String currency = calendar.currency();
        List<LeaderboardEntry> items = jdbc.query("WITH cur AS (" + ranked + "), prev AS (" + ranked + ") "
                        + "SELECT cur.*, prev.rank AS previous_rank, m.name, m.provider FROM cur "
                        + "LEFT JOIN prev ON prev.model_id = cur.model_id "
                        + "LEFT JOIN models_view m ON m.model_id = cur.model_id "
                        + "WHERE cur.rank <= ? ORDER BY cur.rank", (rs, i) -> {
                    int rank = rs.getInt("rank");
                    long previous = rs.getLong("previous_rank");
                    Integer change = rs.wasNull() ? null : (int) previous - rank;
                    String modelId = rs.getString("model_id");
                    String name = rs.getString("name");
                    String provider = rs.getString("provider");
                    return new LeaderboardEntry(rank, modelId, name == null ? modelId : name,
                            provider == null ? modelId.substring(0, Math.max(0, modelId.indexOf('/'))) : provider,
                            rs.getString("category"), new UsageTotals(rs.getLong("calls"), rs.getLong("prompt_tokens"),
                            rs.getLong("completion_tokens"), new Money(rs.getLong("spend_nanos"), currency)),
                            rs.getLong("users"), change);
                }, args.toArray());
        return new LeaderboardView(period, query.metric(), query.category(), calendar.instant(start),
                calendar.instant(period.next(start)), items);
    }
}
