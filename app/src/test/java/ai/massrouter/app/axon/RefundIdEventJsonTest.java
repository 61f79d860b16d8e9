package ai.massrouter.app.axon;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.common.RefundId;
import ai.massrouter.api.payment.PaymentRefundDeclinedEvent;
import ai.massrouter.api.payment.PaymentRefundRequestedEvent;
import ai.massrouter.api.payment.PaymentRefundedEvent;
import ai.massrouter.api.payment.PaymentStatus;
import ai.massrouter.api.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static ai.massrouter.app.axon.TypedIdsEventJsonTest.assertStoredAs;
import static ai.massrouter.app.axon.TypedIdsEventJsonTest.money;

/**
 * Payment refunds are named by a {@link RefundId}, not a String. The stored events must not see it:
 * each is written to exactly the JSON of its String version, and that JSON reads back into the
 * typed event. (The account's {@code PaymentRefundDebitedEvent} names the refund only inside its
 * operation id, a string, pinned in {@link TypedIdsEventJsonTest}.)
 */
class RefundIdEventJsonTest {

    private static final PaymentId PAYMENT = PaymentId.of("pay_1");
    private static final UserId USER = UserId.of("usr_1");
    private static final RefundId REFUND = RefundId.of("refund_key-1");
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String WHO = "\"paymentId\":\"pay_1\",\"userId\":\"usr_1\"";

    @Test
    void refundRequested_namesItsRefundByTheBareString() {
        PaymentRefundRequestedEvent event = new PaymentRefundRequestedEvent(PAYMENT, USER, AccountId.of("acc_1"), REFUND,
                Money.of(10, "CNY"), Money.of(10, "CNY"), false, "asked", UserId.of("usr_admin"), AT);

        assertStoredAs(event, "1", "{" + WHO + ",\"accountId\":\"acc_1\",\"refundId\":\"refund_key-1\","
                + money("amount", 10) + "," + money("debit", 10) + ",\"force\":false,\"reason\":\"asked\","
                + "\"requestedBy\":\"usr_admin\",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void refunded_namesItsRefundByTheBareString() {
        PaymentRefundedEvent event = new PaymentRefundedEvent(PAYMENT, USER, REFUND, Money.of(10, "CNY"),
                Money.of(10, "CNY"), Money.of(10, "CNY"), PaymentStatus.REFUNDED, AT);

        assertStoredAs(event, "1", "{" + WHO + ",\"refundId\":\"refund_key-1\"," + money("amount", 10) + ","
                + money("debit", 10) + "," + money("refundedTotal", 10) + ",\"status\":\"refunded\","
                + "\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void refundDeclined_namesItsRefundByTheBareString() {
        PaymentRefundDeclinedEvent event = new PaymentRefundDeclinedEvent(PAYMENT, USER, REFUND, Money.of(10, "CNY"),
                "BILL_001", "spent", AT);

        assertStoredAs(event, "1", "{" + WHO + ",\"refundId\":\"refund_key-1\"," + money("amount", 10)
                + ",\"errorCode\":\"BILL_001\",\"reason\":\"spent\",\"at\":\"2026-12-01T10:00:00Z\"}");
    }
}
