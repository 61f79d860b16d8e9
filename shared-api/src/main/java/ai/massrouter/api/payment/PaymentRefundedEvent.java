package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.RefundId;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A refund done: {@code refundedTotal} is all refunded so far; {@code status} is the payment's after it. */
@Revision("1")
public record PaymentRefundedEvent(PaymentId paymentId, UserId userId, RefundId refundId, Money amount, Money debit,
                                   Money refundedTotal, PaymentStatus status, Instant at) {
}
