package ai.massrouter.command.user;

import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserRole;
import ai.massrouter.api.user.UserStatus;

import java.util.Locale;
import java.util.Optional;

/**
 * The command side's own, strongly consistent view of users: unique e-mails (set validation)
 * and the role and status that authentication checks on every request. Written only by the
 * user aggregate, in the same transaction as its events.
 */
public interface UserDirectory {

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Claims the address for a new active user, or throws ERR_001 if another user holds it. */
    void claim(String email, UserId userId, UserRole role);

    void changeStatus(UserId userId, UserStatus status);

    Optional<UserId> findUserId(String email);

    Optional<Entry> find(UserId userId);

    /** Whether any user has the administrator role (the first start creates one when none does). */
    boolean anyAdministrator();

    record Entry(UserId userId, UserRole role, UserStatus status) {
    }
}
