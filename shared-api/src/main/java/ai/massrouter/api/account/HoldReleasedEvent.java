package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record HoldReleasedEvent(AccountId accountId, UserId userId, HoldId holdId, Money amount, String reason,
                                Money heldAfter, Instant at) {
}
