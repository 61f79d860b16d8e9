package ai.massrouter.projections.statistics;

import ai.massrouter.api.account.PaymentRefundDebitedEvent;
import ai.massrouter.api.account.TopUpCreditedEvent;
import ai.massrouter.api.user.UserRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The platform's days for the dashboard: registrations, top-ups and payment refunds, and each
 * user's total top-ups. Same processor (and reset) as {@link UsageStatisticsProjection}.
 */
@Component
@ProcessingGroup(UsageStatisticsProjection.GROUP)
public class PlatformStatisticsProjection {

    private final StatisticsBatch batch;

    public PlatformStatisticsProjection(StatisticsBatch batch) {
        this.batch = batch;
    }

    @EventHandler
    void on(UserRegisteredEvent e, @SequenceNumber long sequence) {
        batch.add(new StatisticsEvent.Registered(e.userId().value(), sequence, e.registeredAt()));
    }

    @EventHandler
    void on(TopUpCreditedEvent e, @SequenceNumber long sequence) {
        batch.add(new StatisticsEvent.ToppedUp(e.accountId().value(), sequence, e.userId().value(),
                e.amount().nanos(), e.at()));
    }

    @EventHandler
    void on(PaymentRefundDebitedEvent e, @SequenceNumber long sequence) {
        batch.add(new StatisticsEvent.Refunded(e.accountId().value(), sequence, e.amount().nanos(), e.at()));
    }
}
