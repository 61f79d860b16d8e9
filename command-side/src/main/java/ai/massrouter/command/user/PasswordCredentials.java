package ai.massrouter.command.user;

import ai.massrouter.api.user.UserId;

import java.util.Optional;

/**
 * The BCrypt hashes of users' passwords, by user. Written only by the user aggregate, in the same
 * transaction as the event that sets the password; read by the login endpoint, which checks a
 * presented password here so that the password itself never travels in a command.
 */
public interface PasswordCredentials {

    void store(UserId userId, String passwordHash);

    /** The user holding this e-mail (any case) and its password hash, if it has a password. */
    Optional<PasswordCredential> findByEmail(String email);

    record PasswordCredential(UserId userId, String passwordHash) {
    }
}
