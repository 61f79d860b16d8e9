package ai.massrouter.api.account;

import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record FundsHeldEvent(AccountId accountId, UserId userId, HoldId holdId, ApiKeyId apiKeyId, Money amount,
                             String purpose, Money balance, Money heldAfter, Instant at) {
}
