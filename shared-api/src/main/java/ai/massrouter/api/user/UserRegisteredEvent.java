package ai.massrouter.api.user;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A user was opened. {@code passwordHash} is a BCrypt hash (never the password itself). */
@Revision("1")
public record UserRegisteredEvent(UserId userId, String email, String username, String passwordHash,
                                  UserRole role, UserStatus status, Instant registeredAt) {
}
