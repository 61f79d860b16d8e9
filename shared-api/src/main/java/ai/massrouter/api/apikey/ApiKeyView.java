package ai.massrouter.api.apikey;

import ai.massrouter.api.apikey.Permission;

import java.time.Instant;
import java.util.Set;

/** A key as its owner sees it in the list: prefix only, never the secret or its hash. */
public record ApiKeyView(String id, String name, String prefix, Set<Permission> permissions, ApiKeyStatus status,
                         Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt,
                         SpendLimits spendLimits, Integer rateLimitPerHour) {
}
