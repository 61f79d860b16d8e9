package ai.massrouter.api.apikey;

import ai.massrouter.api.apikey.Permission;
import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/** Creates a key. Only the secret's SHA-256 hash and its display prefix travel; the secret never does. */
public record CreateApiKeyCommand(@TargetAggregateIdentifier ApiKeyId keyId, UserId userId, String name,
                                  String secretHash, String prefix, Set<Permission> permissions, Instant expiresAt,
                                  SpendLimits spendLimits, Integer rateLimitPerHour, Instant at) {
}
