package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("2")
public record TopUpCreditedEvent(AccountId accountId, UserId userId, OperationId operationId, PaymentId paymentId,
                                 String paymentMethod, Money amount, Money balanceAfter, Instant at) {
}
