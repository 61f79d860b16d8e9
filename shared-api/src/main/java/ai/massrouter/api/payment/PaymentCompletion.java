package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.common.ErrorDetails;

/**
 * What a report did to a payment: {@code duplicate} when the payment had already been settled
 * (nothing changed), {@code failure} when it failed the payment (e.g. BILL_002, amount mismatch).
 */
public record PaymentCompletion(PaymentId paymentId, PaymentStatus status, boolean duplicate, ErrorDetails failure) {
}
