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

import java.util.List;

/**
 * Usage statistics: every charged call (metered, or a gateway call's settlement) added to its
 * buckets, and every gateway call whose hold was released counted as an error of its model.
 * Idempotent through {@link AppliedEvents}: an event applied before changes nothing.
 */
@Component
@ProcessingGroup(UsageStatisticsProjection.GROUP)
public class UsageStatisticsProjection {

    public static final String GROUP = "statistics";

    /** How the gateway names the purpose of a call's hold, followed by the model id (CallBilling). */
    static final String GATEWAY_PURPOSE = "chat.completions ";

    private final JdbcTemplate jdbc;
    private final AppliedEvents applied;
    private final UsageBuckets buckets;

    public UsageStatisticsProjection(JdbcTemplate jdbc, AppliedEvents applied, UsageBuckets buckets) {
        this.jdbc = jdbc;
        this.applied = applied;
        this.buckets = buckets;
    }

    @EventHandler
    void on(UsageChargedEvent e, @SequenceNumber long sequence) {
        if (applied.firstTime(e.accountId().value(), sequence)) {
            buckets.addCall(e.usage(), e.amount().nanos(), e.at());
        }
    }

    @EventHandler
    void on(HoldSettledEvent e, @SequenceNumber long sequence) {
        if (applied.firstTime(e.accountId().value(), sequence)) {
            jdbc.update("DELETE FROM stat_open_calls WHERE account_id = ? AND hold_id = ?", e.accountId().value(),
                    e.holdId());
            buckets.addCall(e.usage(), e.charged().nanos(), e.at());
        }
    }

    @EventHandler
    void on(FundsHeldEvent e, @SequenceNumber long sequence) {
        if (applied.firstTime(e.accountId().value(), sequence) && e.purpose() != null
                && e.purpose().startsWith(GATEWAY_PURPOSE)) {
            jdbc.update("INSERT INTO stat_open_calls (account_id, hold_id, model_id) VALUES (?, ?, ?) "
                            + "ON CONFLICT DO NOTHING", e.accountId().value(), e.holdId(),
                    e.purpose().substring(GATEWAY_PURPOSE.length()));
        }
    }

    @EventHandler
    void on(HoldReleasedEvent e, @SequenceNumber long sequence) {
        if (!applied.firstTime(e.accountId().value(), sequence)) {
            return;
        }
        List<String> model = jdbc.queryForList("DELETE FROM stat_open_calls WHERE account_id = ? AND hold_id = ? "
                + "RETURNING model_id", String.class, e.accountId().value(), e.holdId());
        if (!model.isEmpty()) {
            buckets.addError(model.get(0), e.at());
        }
    }

    /** Empties every table of the statistics processor (this class and {@link PlatformStatisticsProjection}). */
    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE stat_applied, stat_model_usage, stat_latency, stat_model_period, "
                + "stat_model_period_user, stat_user_usage, stat_user_day, stat_user_totals, stat_platform_day, "
                + "stat_open_calls");
    }
}
