package ai.massrouter.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Checks a password and opens a session whose first refresh token is {@code refreshTokenId}.
 * Carries the presented password to the aggregate only; it is never stored.
 */
public record LogInUserCommand(@TargetAggregateIdentifier UserId userId, String password, String sessionId,
                               String refreshTokenId, Instant at) {

    @Override
    public String toString() {
        return "LogInUserCommand[userId=" + userId + ", sessionId=" + sessionId + ", at=" + at + "]";
    }
}
