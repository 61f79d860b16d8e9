package ai.massrouter.app.axon;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.OperationId;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.account.PaymentRefundDebitedEvent;
import ai.massrouter.api.account.TopUpCreditedEvent;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.payment.PaymentId;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids in messages became typed ids (PaymentId, ApiKeyId, ModelId) where they were strings. The
 * event log must not see it: each event below is written by the event serializer to exactly the
 * JSON its string-id version wrote (the literals are that JSON), and that stored JSON reads back
 * into the typed event.
 */
class TypedIdsEventJsonTest {

    private static final Serializer EVENTS = new AxonConfig().eventSerializer();
    private static final AccountId ACCOUNT = AccountId.of("acc_1");
    private static final UserId USER = UserId.of("usr_1");
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String WHO = "\"accountId\":\"acc_1\",\"userId\":\"usr_1\"";

    @Test
    void topUpCredited_namesItsPaymentByTheBareString() {
        TopUpCreditedEvent event = new TopUpCreditedEvent(ACCOUNT, USER, OperationId.of(OperationOrigin.TOPUP, "pay_1"),
                PaymentId.of("pay_1"), "alipay", Money.of(30, "CNY"), Money.of(30, "CNY"), AT);

        assertStoredAs(event, "2", "{" + WHO + ",\"operationId\":{\"origin\":\"topup\",\"id\":\"pay_1\"},"
                + "\"paymentId\":\"pay_1\",\"paymentMethod\":\"alipay\"," + money("amount", 30) + ","
                + money("balanceAfter", 30) + ",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void paymentRefundDebited_namesItsPaymentByTheBareString() {
        PaymentRefundDebitedEvent event = new PaymentRefundDebitedEvent(ACCOUNT, USER,
                OperationId.of(OperationOrigin.PAYMENT_REFUND, "pay_1:r1"), PaymentId.of("pay_1"), Money.of(10, "CNY"),
                false, "asked", Money.of(20, "CNY"), AT);

        assertStoredAs(event, "2", "{" + WHO + ",\"operationId\":{\"origin\":\"payment_refund\",\"id\":\"pay_1:r1\"},"
                + "\"paymentId\":\"pay_1\"," + money("amount", 10) + ",\"forced\":false,\"reason\":\"asked\","
                + money("balanceAfter", 20) + ",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void aTopUpThatNamesNoPayment_staysNull() {
        TopUpCreditedEvent event = new TopUpCreditedEvent(ACCOUNT, USER, OperationId.of(OperationOrigin.TOPUP, "x"),
                null, null, Money.of(1, "CNY"), Money.of(1, "CNY"), AT);

        assertStoredAs(event, "2", "{" + WHO + ",\"operationId\":{\"origin\":\"topup\",\"id\":\"x\"},"
                + "\"paymentId\":null,\"paymentMethod\":null," + money("amount", 1) + "," + money("balanceAfter", 1)
                + ",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    /** Written as {@code json}, and {@code json} as stored reads back as the event. */
    static void assertStoredAs(Object event, String revision, String json) {
        assertThat(EVENTS.serialize(event, String.class).getData()).isEqualTo(json);
        Object read = EVENTS.deserialize(new SimpleSerializedObject<>(json, String.class, event.getClass().getName(),
                revision));
        assertThat(read).isEqualTo(event);
    }

    static String money(String field, long units) {
        return "\"" + field + "\":{\"nanos\":" + units * Money.NANOS_PER_UNIT + ",\"currency\":\"CNY\"}";
    }
}
