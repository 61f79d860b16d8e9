package ai.massrouter.api.user;

import ai.massrouter.api.common.PageRequest;

/** The admin user list; {@code search} (e-mail or username), {@code status} and {@code role} are optional. */
public record FindAdminUsersQuery(PageRequest page, String search, UserStatus status, UserRole role,
                                  AdminUserSort sort, boolean descending) {
}
