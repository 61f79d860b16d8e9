package ai.massrouter.api.apikey;

import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ApiKeyLimitsChangedEvent(ApiKeyId keyId, UserId userId, SpendLimits spendLimits,
                                       Integer rateLimitPerHour, Instant at) {
}
