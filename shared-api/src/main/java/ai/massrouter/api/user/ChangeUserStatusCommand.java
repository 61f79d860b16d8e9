package ai.massrouter.api.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ChangeUserStatusCommand(@TargetAggregateIdentifier UserId userId, UserStatus status, String reason,
                                      UserId changedBy, Instant at) {
}
