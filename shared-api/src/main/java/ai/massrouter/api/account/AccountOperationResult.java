package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;

import java.time.Instant;

/**
 * What a money-moving command did. Sending the same operation id again returns the first
 * result with {@code replayed = true} and moves nothing.
 */
public record AccountOperationResult(OperationId operationId, MovementKind kind, Money amount, Money balanceAfter,
                                     Money heldAfter, Instant at, boolean replayed) {

    public AccountOperationResult asReplay() {
        return new AccountOperationResult(operationId, kind, amount, balanceAfter, heldAfter, at, true);
    }
}
