package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A verified report that the payer paid {@code paid}: a provider's notification, or an
 * administrator confirming a bank transfer. {@code source} says which (e.g. {@code stripe:evt_...}).
 * {@code method} and {@code providerReference} say which order the provider's report is about (the
 * Checkout Session id for Stripe, the {@code out_trade_no} for Alipay and WeChat Pay): the payment
 * refuses a report that is not about itself.
 */
public record CompletePaymentCommand(@TargetAggregateIdentifier PaymentId paymentId, PaymentMethod method,
                                     String providerReference, Money paid, String providerTransactionId,
                                     String source, Instant at) {
}
