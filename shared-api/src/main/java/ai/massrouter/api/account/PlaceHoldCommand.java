package ai.massrouter.api.account;

import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Reserves the most a call can cost before it is made; {@code holdId} is the call's request id. */
public record PlaceHoldCommand(@TargetAggregateIdentifier AccountId accountId, HoldId holdId, Money amount,
                               ApiKeyId apiKeyId, SpendLimits keyLimits, String purpose, Instant at) implements HoldStep {

    @Override
    public OperationId operationId() {
        return OperationId.of(OperationOrigin.HOLD, holdId.value());
    }
}
