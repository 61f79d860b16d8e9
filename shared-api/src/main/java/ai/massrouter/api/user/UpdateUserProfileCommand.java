package ai.massrouter.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Changes the profile fields that are given (null means unchanged). */
public record UpdateUserProfileCommand(@TargetAggregateIdentifier UserId userId, String username,
                                       String avatarUrl, Instant at) {
}
