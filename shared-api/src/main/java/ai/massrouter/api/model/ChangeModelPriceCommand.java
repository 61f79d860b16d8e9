package ai.massrouter.api.model;

import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ChangeModelPriceCommand(@TargetAggregateIdentifier ModelId modelId, ModelPricing pricing,
                                      UserId changedBy, Instant at) {
}
