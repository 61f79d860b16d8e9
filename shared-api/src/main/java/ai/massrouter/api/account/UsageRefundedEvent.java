package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("2")
public record UsageRefundedEvent(AccountId accountId, UserId userId, OperationId operationId, OperationId chargeOperationId,
                                 Money amount, String reason, UserId refundedBy, Money balanceAfter, Instant at) {
}
