package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A usage charge made through a hold: {@code charged} left the balance, {@code released} went back. */
@Revision("1")
public record HoldSettledEvent(AccountId accountId, UserId userId, HoldId holdId, UsageDetails usage, Money held,
                               Money charged, Money released, Money uncollected, Money balanceAfter, Money heldAfter,
                               Instant at) {
}
