package ai.massrouter.projections.statistics;

import ai.massrouter.api.common.BillingSettings;
import org.springframework.jdbc.core.JdbcTemplate;

/** The two projections of the {@code statistics} processor as the application wires them. */
public final class StatisticsProjections {

    private StatisticsProjections() {
    }

    public static Object[] of(JdbcTemplate jdbc) {
        StatisticsBatch batch = new StatisticsBatch(new StatisticsWriter(jdbc, new StatisticsCalendar("Asia/Shanghai",
                BillingSettings.defaults())));
        return new Object[] {new UsageStatisticsProjection(jdbc, batch), new PlatformStatisticsProjection(batch)};
    }
}
