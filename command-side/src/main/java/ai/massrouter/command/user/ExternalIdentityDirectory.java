package ai.massrouter.command.user;

import ai.massrouter.api.user.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * Which user a provider's account signs in as: set validation for external identities, written
 * only by the user aggregate in the same transaction as its link and unlink events.
 */
public interface ExternalIdentityDirectory {

    /** Claims (provider, subject) for the user, or throws ERR_001 if another user holds it. */
    void claim(String provider, String subject, UserId userId, Instant at);

    void release(String provider, String subject, UserId userId);

    Optional<UserId> findUser(String provider, String subject);
}
