package ai.massrouter.api.apikey;

import ai.massrouter.api.user.UserId;

/** One key of one user, revoked or not: an {@link ApiKeyView}, or nothing (unknown, or another user's). */
public record FindApiKeyQuery(UserId userId, ApiKeyId keyId) {
}
