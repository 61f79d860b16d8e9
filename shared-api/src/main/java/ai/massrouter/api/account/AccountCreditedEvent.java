package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Money given to an account without a payment; {@code operationId}'s origin says why (redemption, sign-up). */
@Revision("1")
public record AccountCreditedEvent(AccountId accountId, UserId userId, OperationId operationId, Money amount,
                                   String description, Money balanceAfter, Instant at) {
}
