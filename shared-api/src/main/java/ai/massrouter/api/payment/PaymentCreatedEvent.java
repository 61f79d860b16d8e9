package ai.massrouter.api.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/** The order as opened, with the exchange rate that fixes what it credits. */
@Revision("1")
public record PaymentCreatedEvent(PaymentId paymentId, UserId userId, AccountId accountId, PaymentMethod method,
                                  Money amount, Money credit, BigDecimal fxRate, PaymentCheckout checkout,
                                  Instant expiresAt, Instant at) {
}
