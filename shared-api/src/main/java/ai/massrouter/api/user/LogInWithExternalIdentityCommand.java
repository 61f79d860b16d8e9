package ai.massrouter.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Opens a session for the user that the provider's account is linked to. */
public record LogInWithExternalIdentityCommand(@TargetAggregateIdentifier UserId userId, String provider,
                                               String subject, SessionId sessionId, RefreshTokenId refreshTokenId,
                                               Instant at) {
}
