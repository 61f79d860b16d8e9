package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Turns a hold into the actual charge ({@code amount}, priced from {@code usage}) and releases
 * the rest. A cost above the hold is taken from the available balance as far as it goes; what
 * cannot be taken is recorded as uncollected, never as an overdraft.
 */
public record SettleHoldCommand(@TargetAggregateIdentifier AccountId accountId, HoldId holdId, UsageDetails usage,
                                Money amount, Instant at) implements HoldStep {

    @Override
    public OperationId operationId() {
        return OperationId.of(OperationOrigin.SETTLEMENT, holdId.value());
    }
}
