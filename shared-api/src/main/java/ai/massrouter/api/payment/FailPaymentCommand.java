package ai.massrouter.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A verified report from the provider that the payment did not go through. */
public record FailPaymentCommand(@TargetAggregateIdentifier PaymentId paymentId, String reason, String source,
                                 Instant at) {
}
