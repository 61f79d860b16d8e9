package ai.massrouter.command.payment;

import ai.massrouter.api.common.PaymentId;

import java.time.Instant;

/** The payload of a payment's expiry deadline: the instant it was due, so the expiry is recorded at that time. */
public record PaymentExpiryDue(PaymentId paymentId, Instant expiresAt) {
}
