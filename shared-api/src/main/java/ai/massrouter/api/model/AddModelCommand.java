package ai.massrouter.api.model;

import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Adds a model to the catalog; adding one that exists changes nothing ({@code addedBy} null: the seed file). */
public record AddModelCommand(@TargetAggregateIdentifier ModelId modelId, String name, String provider,
                              String category, String description, int contextLength, ModelPricing pricing,
                              List<ModelRoute> routes, UserId addedBy, Instant at) {
}
