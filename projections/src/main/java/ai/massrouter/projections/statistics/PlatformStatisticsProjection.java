package ai.massrouter.projections.statistics;

import ai.massrouter.api.account.PaymentRefundDebitedEvent;
import ai.massrouter.api.account.TopUpCreditedEvent;
import ai.massrouter.api.user.UserRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The platform's days for the dashboard: registrations, top-ups and payment refunds, and each
 * user's total top-ups. Same processor (and reset) as {@link UsageStatisticsProjection}.
 */
@Component
@ProcessingGroup(UsageStatisticsProjection.GROUP)
public class PlatformStatisticsProjection {

    private final JdbcTemplate jdbc;
    private final AppliedEvents applied;
    private final StatisticsCalendar calendar;

    public PlatformStatisticsProjection(JdbcTemplate jdbc, AppliedEvents applied, StatisticsCalendar calendar) {
        this.jdbc = jdbc;
        this.applied = applied;
        this.calendar = calendar;
    }

    @EventHandler
    void on(UserRegisteredEvent e, @SequenceNumber long sequence) {
        if (applied.firstTime(e.userId().value(), sequence)) {
            jdbc.update("INSERT INTO stat_platform_day AS s (day, new_users) VALUES (?, 1) "
                    + "ON CONFLICT (day) DO UPDATE SET new_users = s.new_users + 1",
                    calendar.local(e.registeredAt()).toLocalDate());
        }
    }

    @EventHandler
    void on(TopUpCreditedEvent e, @SequenceNumber long sequence) {
        if (applied.firstTime(e.accountId().value(), sequence)) {
            jdbc.update("""
                    WITH ut AS (
                        INSERT INTO stat_user_totals AS s (user_id, top_up_nanos) VALUES (?, ?)
                        ON CONFLICT (user_id) DO UPDATE SET top_up_nanos = s.top_up_nanos + EXCLUDED.top_up_nanos)
                    INSERT INTO stat_platform_day AS s (day, top_ups, top_up_nanos) VALUES (?, 1, ?)
                    ON CONFLICT (day) DO UPDATE SET top_ups = s.top_ups + 1,
                        top_up_nanos = s.top_up_nanos + EXCLUDED.top_up_nanos""",
                    e.userId().value(), e.amount().nanos(), calendar.local(e.at()).toLocalDate(), e.amount().nanos());
        }
    }

    @EventHandler
    void on(PaymentRefundDebitedEvent e, @SequenceNumber long sequence) {
        if (applied.firstTime(e.accountId().value(), sequence)) {
            jdbc.update("INSERT INTO stat_platform_day AS s (day, refunds, refund_nanos) VALUES (?, 1, ?) "
                    + "ON CONFLICT (day) DO UPDATE SET refunds = s.refunds + 1, "
                    + "refund_nanos = s.refund_nanos + EXCLUDED.refund_nanos",
                    calendar.local(e.at()).toLocalDate(), e.amount().nanos());
        }
    }
}
