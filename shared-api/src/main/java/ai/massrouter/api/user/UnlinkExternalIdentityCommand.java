package ai.massrouter.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Removes the user's link to a provider; refused when it is the user's last way to sign in. */
public record UnlinkExternalIdentityCommand(@TargetAggregateIdentifier UserId userId, String provider, Instant at) {
}
