package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record TopUpCreditedEvent(AccountId accountId, UserId userId, String operationId, String paymentId,
                                 String paymentMethod, Money amount, Money balanceAfter, Instant at) {
}
