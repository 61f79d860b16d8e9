package ai.massrouter.app.statistics;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Every table of the statistics processor, dumped in a fixed order: two dumps are equal when the read models are. */
public final class StatisticsTables {

    public static final List<String> QUERIES = List.of(
            "SELECT * FROM stat_applied ORDER BY aggregate_id",
            "SELECT * FROM stat_model_usage ORDER BY model_id, granularity, bucket, provider",
            "SELECT * FROM stat_latency ORDER BY model_id, granularity, bucket, provider, kind, bin",
            "SELECT * FROM stat_model_period ORDER BY period, start_day, model_id",
            "SELECT * FROM stat_model_period_user ORDER BY model_id, period, start_day, user_id",
            "SELECT * FROM stat_user_usage ORDER BY user_id, granularity, bucket, model_id, api_key_id",
            "SELECT * FROM stat_user_day ORDER BY day, user_id",
            "SELECT * FROM stat_user_totals ORDER BY user_id",
            "SELECT * FROM stat_platform_day ORDER BY day",
            "SELECT * FROM stat_open_calls ORDER BY account_id, hold_id");

    private StatisticsTables() {
    }

    public static String dump(JdbcTemplate jdbc) {
        StringBuilder out = new StringBuilder();
        for (String sql : QUERIES) {
            jdbc.queryForList(sql).forEach(row -> out.append(row).append('\n'));
        }
        return out.toString();
    }
}
