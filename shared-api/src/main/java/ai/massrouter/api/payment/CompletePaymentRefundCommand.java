package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;

import ai.massrouter.api.common.RefundId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The account was debited for the refund: it is done. */
public record CompletePaymentRefundCommand(@TargetAggregateIdentifier PaymentId paymentId, RefundId refundId,
                                           Instant at) {
}
