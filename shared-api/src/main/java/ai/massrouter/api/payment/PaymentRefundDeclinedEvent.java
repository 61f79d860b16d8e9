package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.RefundId;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A refund the account refused; audited because an administrator asked for it. */
@Revision("1")
public record PaymentRefundDeclinedEvent(PaymentId paymentId, UserId userId, RefundId refundId, Money amount,
                                         String errorCode, String reason, Instant at) {
}
