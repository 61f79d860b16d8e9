package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;

import java.time.Instant;
import java.util.List;

public record StaleHoldsView(List<Hold> holds) {

    /** A hold that is still open in the read model. */
    public record Hold(AccountId accountId, HoldId holdId, Money amount, Instant heldAt) {
    }
}
