package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.common.RefundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Takes back money refunded to the payer, once per refund: its operation is
 * {@code (payment_refund, <paymentId>:<refundId>)}. Refused with BILL_001 when it exceeds the
 * available balance, unless {@code force} (with a reason), which may leave the account in debt.
 */
public record DebitPaymentRefundCommand(@TargetAggregateIdentifier AccountId accountId, PaymentId paymentId,
                                        RefundId refundId, Money amount, boolean force, String reason, Instant at) {
}
