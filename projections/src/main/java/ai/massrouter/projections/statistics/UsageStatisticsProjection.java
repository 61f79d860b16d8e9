package ai.massrouter.projections.statistics;

import ai.massrouter.api.account.FundsHeldEvent;
import ai.massrouter.api.account.HoldReleasedEvent;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.account.UsageChargedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Usage statistics: every charged call (metered, or a gateway call's settlement) added to its
 * buckets, and every gateway call whose hold was released counted as an error of its model.
 * Events are written per batch by {@link StatisticsWriter}, idempotent per aggregate sequence.
 */
@Component
@ProcessingGroup(UsageStatisticsProjection.GROUP)
public class UsageStatisticsProjection {

    public static final String GROUP = "statistics";

    /** How the gateway names the purpose of a call's hold, followed by the model id (CallBilling). */
    static final String GATEWAY_PURPOSE = "chat.completions ";

    private final JdbcTemplate jdbc;
    private final StatisticsBatch batch;

    public UsageStatisticsProjection(JdbcTemplate jdbc, StatisticsBatch batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @EventHandler
    void on(UsageChargedEvent e, @SequenceNumber long sequence) {
        batch.add(new StatisticsEvent.Call(e.accountId().value(), sequence, null, e.usage(), e.amount().nanos(),
                e.at()));
    }

    @EventHandler
    void on(HoldSettledEvent e, @SequenceNumber long sequence) {
        batch.add(new StatisticsEvent.Call(e.accountId().value(), sequence, e.holdId().value(), e.usage(),
                e.charged().nanos(), e.at()));
    }

    @EventHandler
    void on(FundsHeldEvent e, @SequenceNumber long sequence) {
        if (e.purpose() != null && e.purpose().startsWith(GATEWAY_PURPOSE)) {
            batch.add(new StatisticsEvent.Held(e.accountId().value(), sequence, e.holdId().value(),
                    e.purpose().substring(GATEWAY_PURPOSE.length())));
        }
    }

    @EventHandler
    void on(HoldReleasedEvent e, @SequenceNumber long sequence) {
        batch.add(new StatisticsEvent.Released(e.accountId().value(), sequence, e.holdId().value(), e.at()));
    }

    /** Empties every table of the statistics processor (this class and {@link PlatformStatisticsProjection}). */
    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE stat_applied, stat_model_usage, stat_latency, stat_model_period, "
                + "stat_model_period_user, stat_user_usage, stat_user_day, stat_user_totals, stat_platform_day, "
                + "stat_open_calls");
        // nodes forget the leaderboard user rows they remembered (KnownPeriodUsers)
        jdbc.update("UPDATE stat_generation SET generation = generation + 1");
    }
}
