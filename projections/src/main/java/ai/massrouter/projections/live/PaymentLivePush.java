package ai.massrouter.projections.live;

import ai.massrouter.api.live.LiveAudience;
import ai.massrouter.api.live.LiveTopics;
import ai.massrouter.api.live.LiveUpdate;
import ai.massrouter.api.payment.PaymentFailedEvent;
import ai.massrouter.projections.payment.PaymentProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Failed payments raise an alert for administrators (the payer sees the order's status through REST). */
@Component
@ProcessingGroup(PaymentProjection.GROUP)
public class PaymentLivePush {

    private final LiveNotices notices;

    public PaymentLivePush(LiveNotices notices) {
        this.notices = notices;
    }

    @EventHandler
    void on(PaymentFailedEvent e, @MessageIdentifier String id, ReplayStatus status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payment_id", e.paymentId().value());
        data.put("user_id", e.userId().value());
        data.put("error_code", e.errorCode());
        data.put("reason", e.reason());
        data.put("source", e.source());
        notices.publish(new LiveUpdate(LiveTopics.ALERTS, "payment.failed", id, e.at(), LiveAudience.ADMINS,
                e.userId(), null, data), status);
    }
}
