package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.common.Money;

import java.math.BigDecimal;
import java.time.Instant;

/** A payment as the read model has it; {@code refunded} is in the order's currency. */
public record PaymentView(PaymentId paymentId, String userId, PaymentMethod method, PaymentStatus status,
                          Money amount, Money credit, BigDecimal fxRate, Money refunded, PaymentCheckout checkout,
                          String failureCode, String failureReason, boolean late, Instant createdAt,
                          Instant expiresAt, Instant paidAt, Instant failedAt, Instant expiredAt, Instant refundedAt,
                          Instant updatedAt) {
}
