package ai.massrouter.api.model;

import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ChangeModelStatusCommand(@TargetAggregateIdentifier ModelId modelId, ModelStatus status, String reason,
                                       UserId changedBy, Instant at) {
}
