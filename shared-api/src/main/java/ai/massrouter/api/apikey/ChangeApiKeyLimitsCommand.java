package ai.massrouter.api.apikey;

import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Sets a key's spend and rate limits (absolute values; null means no limit). */
public record ChangeApiKeyLimitsCommand(@TargetAggregateIdentifier ApiKeyId keyId, UserId requestedBy,
                                        SpendLimits spendLimits, Integer rateLimitPerHour, Instant at) {
}
