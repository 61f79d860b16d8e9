package ai.massrouter.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Opens a session, whose first refresh token is {@code refreshTokenId}, for a user whose password
 * the sender has already checked against {@code verifiedPasswordHash} (the BCrypt hash it read
 * from the command side's credential table). The password itself never travels in a command; the
 * aggregate refuses if that hash is not (or no longer) the user's.
 */
public record LogInUserCommand(@TargetAggregateIdentifier UserId userId, String verifiedPasswordHash,
                               SessionId sessionId, RefreshTokenId refreshTokenId, Instant at) {

    @Override
    public String toString() {
        return "LogInUserCommand[userId=" + userId + ", sessionId=" + sessionId + ", at=" + at + "]";
    }
}
