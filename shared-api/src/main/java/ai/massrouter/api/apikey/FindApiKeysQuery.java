package ai.massrouter.api.apikey;

import ai.massrouter.api.common.PageRequest;
import ai.massrouter.api.user.UserId;

/** The keys of one user, newest first; revoked keys only when {@code includeRevoked}. */
public record FindApiKeysQuery(UserId userId, PageRequest page, boolean includeRevoked) {
}
