package ai.massrouter.api.user;

import ai.massrouter.api.common.PageRequest;

/** Admin list of users; {@code status} and {@code search} (e-mail or username) are optional. */
public record FindUsersQuery(PageRequest page, UserStatus status, String search) {
}
