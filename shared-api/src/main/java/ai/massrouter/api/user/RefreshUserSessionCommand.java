package ai.massrouter.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Rotates a session's refresh token: {@code presentedTokenId} must be the session's current one. */
public record RefreshUserSessionCommand(@TargetAggregateIdentifier UserId userId, SessionId sessionId,
                                        RefreshTokenId presentedTokenId, RefreshTokenId newTokenId, Instant at) {
}
