package ai.massrouter.command.user;

import ai.massrouter.api.user.UserId;

import java.util.Locale;
import java.util.Optional;

/**
 * Set validation for e-mails: each address (case-insensitively) belongs to at most one user.
 * A claim must be made in the same transaction as the {@code UserRegisteredEvent}, so two
 * concurrent registrations of one address cannot both commit.
 */
public interface EmailRegistry {

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Claims the address for the user, or throws ERR_001 if another user holds it. */
    void claim(String email, UserId userId);

    Optional<UserId> findUserId(String email);
}
