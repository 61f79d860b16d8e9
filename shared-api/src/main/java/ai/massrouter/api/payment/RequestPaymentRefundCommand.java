package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.common.RefundId;
import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reserves (part of) a paid amount for a refund, in the payment's currency ({@code amount} null:
 * all that is left); {@code refundId} makes it happen once. {@code force} (with a reason) lets the
 * account debit go past the available balance.
 */
public record RequestPaymentRefundCommand(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId,
                                          BigDecimal amount, boolean force, String reason, UserId requestedBy,
                                          Instant at) {
}
