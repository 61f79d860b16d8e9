package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A verified report from the provider that the payment did not go through; {@code method} and
 * {@code providerReference} bind it to its order as in {@link CompletePaymentCommand}.
 */
public record FailPaymentCommand(@TargetAggregateIdentifier PaymentId paymentId, PaymentMethod method,
                                 String providerReference, String reason, String source, Instant at) {
}
