package ai.massrouter.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Gives a hold back whole (the call failed before any output). */
public record ReleaseHoldCommand(@TargetAggregateIdentifier AccountId accountId, HoldId holdId, String reason,
                                 Instant at) implements HoldStep {

    @Override
    public OperationId operationId() {
        return OperationId.of(OperationOrigin.RELEASE, holdId.value());
    }
}
