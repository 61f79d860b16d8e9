package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;

import java.time.Instant;

/** {@code total} is all the account holds; {@code onHold} is reserved for calls in flight. */
public record BalanceView(String accountId, String userId, Money total, Money onHold, Instant updatedAt) {

    public Money available() {
        return total.minus(onHold);
    }
}
