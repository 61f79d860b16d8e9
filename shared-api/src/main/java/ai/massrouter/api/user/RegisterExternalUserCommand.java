package ai.massrouter.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Opens a user on a first sign-in through a provider: the user, its link to the provider's
 * account and its first session, in one transaction. {@code email} is the provider's verified
 * address or null; such a user has no password.
 */
public record RegisterExternalUserCommand(@TargetAggregateIdentifier UserId userId, String provider, String subject,
                                          String email, String username, String avatarUrl, SessionId sessionId,
                                          RefreshTokenId refreshTokenId, Instant registeredAt) {
}
