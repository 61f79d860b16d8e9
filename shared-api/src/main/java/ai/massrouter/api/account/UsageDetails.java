package ai.massrouter.api.account;

import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.user.UserId;

/**
 * Everything an audit needs about one metered call: who (user, key), what (model, provider,
 * category), how much (tokens) and at which unit prices. Carried whole by the charge events.
 */
public record UsageDetails(UserId userId, String apiKeyId, String modelId, String provider, String category,
                           long promptTokens, long completionTokens, ModelPricing pricing) {
}
