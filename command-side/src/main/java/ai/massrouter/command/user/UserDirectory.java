package ai.massrouter.command.user;

import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserRole;
import ai.massrouter.api.user.UserStatus;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The command side's own, strongly consistent view of users: unique e-mails and usernames (set
 * validation) and the role and status that authentication checks on every request. Written only
 * by the user aggregate, in the same transaction as its events.
 */
public interface UserDirectory {

    /** The topic of the change notices sent when a user's status changes; the id is the user id. */
    String CHANGES = "user";

    static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * What makes two usernames the same: compatibility-normalized (NFKC, so full-width or ligature
     * look-alikes of ASCII fold onto it), then lower-cased.
     */
    static String usernameKey(String username) {
        return Normalizer.normalize(username.trim(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * Makes the username the user's own (giving up the one it held), or throws ERR_001 naming
     * {@code username} if another user holds it, in any case.
     */
    void claimUsername(String username, UserId userId);

    boolean usernameTaken(String username);

    /**
     * Claims the address for a new active user, or throws ERR_001 if another user holds it. A null
     * address (a user who signed up through a provider without a verified e-mail) claims nothing.
     */
    void claim(String email, UserId userId, UserRole role);

    void changeStatus(UserId userId, UserStatus status);

    Optional<UserId> findUserId(String email);

    Optional<Entry> find(UserId userId);

    /** The user's e-mail as kept for uniqueness (lower case), if the user has one. */
    Optional<String> findEmail(UserId userId);

    /** Whether any user has the administrator role (the first start creates one when none does). */
    boolean anyAdministrator();

    record Entry(UserId userId, UserRole role, UserStatus status) {
    }
}
