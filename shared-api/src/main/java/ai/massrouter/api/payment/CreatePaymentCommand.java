package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Opens a payment order of {@code amount} (what the payer pays, in the order's currency) that
 * will credit {@code credit} (in the platform currency, {@code amount × fxRate}) when paid.
 */
public record CreatePaymentCommand(@TargetAggregateIdentifier PaymentId paymentId, UserId userId,
                                   PaymentMethod method, Money amount, Money credit, BigDecimal fxRate,
                                   PaymentCheckout checkout, Instant expiresAt, Instant at) {
}
