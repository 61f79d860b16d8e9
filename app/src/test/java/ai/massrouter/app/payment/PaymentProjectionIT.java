package ai.massrouter.app.payment;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.RefundId;
import ai.massrouter.api.payment.PaymentCheckout;
import ai.massrouter.api.payment.PaymentCreatedEvent;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.payment.PaymentMethod;
import ai.massrouter.api.payment.PaymentRefundedEvent;
import ai.massrouter.api.payment.PaymentStatus;
import ai.massrouter.api.payment.PaymentSucceededEvent;
import ai.massrouter.api.user.UserId;
import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static ai.massrouter.app.payment.ProviderNotifications.stripeEvent;
import static ai.massrouter.app.payment.ProviderNotifications.wechatNotification;
import static org.assertj.core.api.Assertions.assertThat;

/** The payments read model: the same event twice changes nothing; rebuilt from the log it is identical. */
class PaymentProjectionIT extends PaymentITBase {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void sameEventsTwice_changeNothing() throws Exception {
        PaymentId id = PaymentId.of("pay_projection_idempotency");
        UserId user = UserId.of("usr_projection_idempotency");
        Money ten = Money.of(10, "CNY");
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        List<EventMessage<?>> events = List.of(
                domain(id, 0, new PaymentCreatedEvent(id, user, AccountId.forUser(user), PaymentMethod.ALIPAY, ten, ten,
                        BigDecimal.ONE, new PaymentCheckout(id.value(), null, "qr", null), at.plusSeconds(60), at)),
                domain(id, 1, new PaymentSucceededEvent(id, user, AccountId.forUser(user), PaymentMethod.ALIPAY, ten,
                        ten, "trade-1", "alipay:n1", false, at)),
                domain(id, 3, new PaymentRefundedEvent(id, user, RefundId.of("r1"), Money.of(4, "CNY"), Money.of(4, "CNY"),
                        Money.of(4, "CNY"), PaymentStatus.SUCCEEDED, at)));
        var invoker = ((AbstractEventProcessor) processing.eventProcessor("payments").orElseThrow()).eventHandlerInvoker();
        for (int round = 0; round < 2; round++) {
            for (EventMessage<?> event : events) {
                DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                    invoker.handle(event, Segment.ROOT_SEGMENT);
                    return null;
                });
            }
        }
        assertThat(jdbc.queryForMap("SELECT status, refunded_nanos, last_sequence FROM payments_view WHERE payment_id = ?",
                id.value())).isEqualTo(Map.of("status", "SUCCEEDED", "refunded_nanos", 4_000_000_000L, "last_sequence", 3L));
    }

    @Test
    void rebuiltFromTheLog_isIdentical_andTheProcessIsNeverReplayed() {
        User user = newUser();
        JsonNode paid = order(user, "stripe", "10.00", "USD");
        postStripeSigned(stripeEvent("checkout.session.completed", paid.path("payment_id").asText(),
                paid.path("provider_reference").asText(), 1000, "usd", "paid"));
        JsonNode failed = order(user, "wechat_pay", "3.00", "CNY");
        String body = wechatNotification(failed.path("payment_id").asText(), 1, "SUCCESS");
        postWechat(body, body);
        order(user, "alipay", "1.00", "CNY");
        awaitAvailable(user, "71.00");
        String admin = adminToken();
        // let every short-lived order reach its end, so no event lands between the two dumps
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc
                .queryForObject("SELECT count(*) FROM payments_view WHERE status = 'PENDING' AND method <> 'BANK_TRANSFER'",
                        Long.class) == 0);
        awaitCaughtUp(admin);
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM payments_view ORDER BY payment_id");

        Response replay = api.post("/api/v1/admin/projections/payments/replay", null, admin);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        awaitCaughtUp(admin);
        assertThat(jdbc.queryForList("SELECT * FROM payments_view ORDER BY payment_id")).isEqualTo(before);
        assertThat(api.post("/api/v1/admin/projections/payment-process/replay", null, admin).errorCode())
                .isEqualTo("ERR_001");
        assertThat(topUps(user)).isEqualTo(1);
    }

    private void awaitCaughtUp(String admin) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
            JsonNode status = null;
            for (JsonNode p : api.get("/api/v1/admin/projections", admin).data()) {
                status = p.path("name").asText().equals("payments") ? p : status;
            }
            assertThat(status).isNotNull();
            assertThat(status.path("replaying").asBoolean()).isFalse();
            assertThat(status.path("position").asLong()).isGreaterThanOrEqualTo(head);
        });
    }

    private static EventMessage<?> domain(PaymentId id, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("PaymentAggregate", id.value(), sequence, payload);
    }
}
