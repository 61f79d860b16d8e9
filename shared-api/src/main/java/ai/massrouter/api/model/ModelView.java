package ai.massrouter.api.model;

import java.time.Instant;
import java.util.List;

/** A catalog entry as the read model holds it; {@code routes} say which providers serve it, in order. */
public record ModelView(String id, String name, String provider, String category, String description,
                        int contextLength, ModelStatus status, ModelPricing pricing, List<ModelRoute> routes,
                        long popularity, Instant createdAt, Instant updatedAt) {
}
