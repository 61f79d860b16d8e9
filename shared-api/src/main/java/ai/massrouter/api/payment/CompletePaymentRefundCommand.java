package ai.massrouter.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The account was debited for the refund: it is done. */
public record CompletePaymentRefundCommand(@TargetAggregateIdentifier PaymentId paymentId, String refundId,
                                           Instant at) {
}
