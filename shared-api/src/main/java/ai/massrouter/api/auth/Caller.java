package ai.massrouter.api.auth;

import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.apikey.Permission;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserRole;

import java.util.Set;

/**
 * Who is calling: a user with a JWT, or a program with one of the user's API keys
 * ({@code apiKeyId} set, permissions and spending limited to what the key was given).
 */
public record Caller(UserId userId, UserRole role, String apiKeyId, Set<Permission> permissions,
                     SpendLimits keyLimits, Integer keyRateLimitPerHour) {

    public static Caller user(UserId userId, UserRole role) {
        return new Caller(userId, role, null, Set.of(Permission.READ, Permission.WRITE), SpendLimits.NONE, null);
    }

    /** Acting as an administrator: the admin role, through a login session (an admin's API key is not). */
    public boolean isAdmin() {
        return role == UserRole.ADMIN && !viaApiKey();
    }

    /** The key called with, typed for the messages that name it; null for a login session. */
    public ApiKeyId apiKey() {
        return apiKeyId == null ? null : ApiKeyId.of(apiKeyId);
    }

    public boolean viaApiKey() {
        return apiKeyId != null;
    }

    public void requireWrite() {
        if (!permissions.contains(Permission.WRITE)) {
            throw new DomainException(ErrorCode.ERR_003, "This API key has no write permission");
        }
    }

    /** Administration is done by an administrator who logged in, never through an API key. */
    public void requireAdmin() {
        if (!isAdmin()) {
            throw new DomainException(ErrorCode.ERR_003, viaApiKey()
                    ? "Administration needs an administrator's login session, not an API key"
                    : "Administrator role required");
        }
    }

    /** Managing API keys needs the user's login session: a key can never manage keys, its own included. */
    public void requireUserSession() {
        if (viaApiKey()) {
            throw new DomainException(ErrorCode.ERR_003, "API keys are managed with a login session, not an API key");
        }
    }
}
