package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.RefundId;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A refund of {@code amount} (order currency) reserved; {@code debit} is what the account will give back. */
@Revision("1")
public record PaymentRefundRequestedEvent(PaymentId paymentId, UserId userId, AccountId accountId, RefundId refundId,
                                          Money amount, Money debit, boolean force, String reason,
                                          UserId requestedBy, Instant at) {
}
