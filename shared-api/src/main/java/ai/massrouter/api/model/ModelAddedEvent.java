package ai.massrouter.api.model;

import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

@Revision("1")
public record ModelAddedEvent(ModelId modelId, String name, String provider, String category, String description,
                              int contextLength, ModelPricing pricing, List<ModelRoute> routes, ModelStatus status,
                              UserId addedBy, Instant at) {
}
