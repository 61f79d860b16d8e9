package ai.massrouter.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Opens a user and, when {@code sessionId} is given, its first login session in the same
 * transaction. The password arrives already hashed: no command or event carries a password.
 */
public record RegisterUserCommand(@TargetAggregateIdentifier UserId userId, String email, String username,
                                  String passwordHash, UserRole role, SessionId sessionId,
                                  RefreshTokenId refreshTokenId, Instant registeredAt) {
}
