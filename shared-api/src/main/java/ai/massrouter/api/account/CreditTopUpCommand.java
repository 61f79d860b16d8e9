package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.PaymentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Credits a succeeded payment, once per payment: its operation is {@code (topup, paymentId)}. */
public record CreditTopUpCommand(@TargetAggregateIdentifier AccountId accountId, PaymentId paymentId,
                                 String paymentMethod, Money amount, Instant at) {
}
