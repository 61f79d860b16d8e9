package ai.massrouter.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A signed-in user adds a way to sign in: the provider's account that just consented. */
public record LinkExternalIdentityCommand(@TargetAggregateIdentifier UserId userId, String provider, String subject,
                                          Instant at) {
}
