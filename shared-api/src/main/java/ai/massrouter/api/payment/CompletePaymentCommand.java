package ai.massrouter.api.payment;

import ai.massrouter.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A verified report that the payer paid {@code paid}: a provider's notification, or an
 * administrator confirming a bank transfer. {@code source} says which (e.g. {@code stripe:evt_...}).
 */
public record CompletePaymentCommand(@TargetAggregateIdentifier PaymentId paymentId, Money paid,
                                     String providerTransactionId, String source, Instant at) {
}
