package ai.massrouter.api.apikey;

import ai.massrouter.api.apikey.Permission;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

@Revision("1")
public record ApiKeyCreatedEvent(ApiKeyId keyId, UserId userId, String name, String secretHash, String prefix,
                                 Set<Permission> permissions, Instant expiresAt, SpendLimits spendLimits,
                                 Integer rateLimitPerHour, Instant createdAt) {
}
