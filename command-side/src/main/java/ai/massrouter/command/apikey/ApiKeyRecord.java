package ai.massrouter.command.apikey;

import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.apikey.ApiKeyStatus;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.apikey.Permission;
import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserRole;
import ai.massrouter.api.user.UserStatus;

import java.time.Instant;
import java.util.Set;

/** One row of the key lookup, joined with its owner's role and status. */
public record ApiKeyRecord(ApiKeyId keyId, UserId userId, UserRole userRole, UserStatus userStatus,
                           Set<Permission> permissions, ApiKeyStatus status, Instant expiresAt,
                           SpendLimits spendLimits, Integer rateLimitPerHour, Instant lastUsedAt) {

    public ApiKeyRecord usedAt(Instant at) {
        return new ApiKeyRecord(keyId, userId, userRole, userStatus, permissions, status, expiresAt, spendLimits,
                rateLimitPerHour, at);
    }

    /** Whether a use at {@code now} is worth a RecordApiKeyUseCommand (the aggregate records one a minute at most). */
    public boolean useDueAt(Instant now) {
        return lastUsedAt == null || !now.isBefore(lastUsedAt.plus(ApiKeyAggregate.USE_RECORD_INTERVAL));
    }
}
