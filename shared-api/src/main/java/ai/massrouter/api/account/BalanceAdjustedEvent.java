package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("2")
public record BalanceAdjustedEvent(AccountId accountId, UserId userId, OperationId operationId, Money amount, String reason,
                                   UserId adjustedBy, Money balanceAfter, Instant at) {
}
