package ai.massrouter.command.identity;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.command.user.PasswordCredentials;
import ai.massrouter.command.user.PasswordCredentials.PasswordCredential;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a presented password against the hash in the command side's credential table, on the
 * node that received it: the password goes no further (no command or event carries it). An unknown
 * e-mail, a user without a password and a wrong password are the same ERR_002, and cost the same
 * BCrypt work, so neither the answer nor its timing tells whether an address is registered.
 */
@Component
class PasswordCheck {

    private final PasswordCredentials credentials;
    private final PasswordEncoder passwordEncoder;
    /** Hashed once so that an unknown e-mail costs as much time as a wrong password. */
    private final String decoyHash;

    PasswordCheck(PasswordCredentials credentials, PasswordEncoder passwordEncoder) {
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.decoyHash = passwordEncoder.encode("decoy-password-for-timing");
    }

    /** The user and the hash that {@code password} matched, or ERR_002. */
    PasswordCredential verify(String email, String password) {
        PasswordCredential credential = credentials.findByEmail(email).orElse(null);
        if (credential == null) {
            passwordEncoder.matches(password, decoyHash);
            throw invalid();
        }
        if (!passwordEncoder.matches(password, credential.passwordHash())) {
            throw invalid();
        }
        return credential;
    }

    private static DomainException invalid() {
        return new DomainException(ErrorCode.ERR_002, "Invalid e-mail or password");
    }
}
