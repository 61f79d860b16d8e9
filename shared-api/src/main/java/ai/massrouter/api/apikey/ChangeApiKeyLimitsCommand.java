package ai.massrouter.api.apikey;

import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/**
 * Changes a key's spend and rate limits: each limit takes the value given here (null: no limit),
 * except those in {@code kept}, which keep their current value (a partial update). The handler
 * answers with the resulting {@link ApiKeyLimitsChangedEvent}.
 */
public record ChangeApiKeyLimitsCommand(@TargetAggregateIdentifier ApiKeyId keyId, UserId requestedBy,
                                        SpendLimits spendLimits, Integer rateLimitPerHour, Set<LimitField> kept,
                                        Instant at) {

    public ChangeApiKeyLimitsCommand {
        kept = kept == null ? Set.of() : Set.copyOf(kept);
    }
}
