package ai.massrouter.api.account;

import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record AccountOpenedEvent(AccountId accountId, UserId userId, String currency, Instant at) {
}
