package ai.massrouter.command.payment;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.PaymentId;

import java.time.Instant;

/** What a provider is asked to collect. */
record PaymentOrder(PaymentId paymentId, Money amount, String description, Instant expiresAt) {
}
