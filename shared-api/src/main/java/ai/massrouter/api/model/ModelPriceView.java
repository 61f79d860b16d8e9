package ai.massrouter.api.model;

import java.time.Instant;

/**
 * One price a model had from {@code at}: {@code previousPricing} is the one it replaced, null for
 * the price the model was added with.
 */
public record ModelPriceView(ModelId modelId, ModelPricing pricing, ModelPricing previousPricing, Instant at) {
}
