package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Credits the account without a payment: a redeemed code ({@link OperationOrigin#REDEMPTION},
 * {@code creditId} the code's id) or the sign-up credit ({@link OperationOrigin#SIGNUP_CREDIT},
 * {@code creditId} the account id). Once per (origin, creditId); no other origin is accepted.
 */
public record CreditAccountCommand(@TargetAggregateIdentifier AccountId accountId, OperationOrigin origin,
                                   String creditId, Money amount, String description, Instant at) {
}
