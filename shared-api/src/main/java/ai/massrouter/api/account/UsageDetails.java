package ai.massrouter.api.account;

import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.user.UserId;

/**
 * Everything an audit needs about one metered call: who (user, key), what (model, provider,
 * category), how much (tokens) and at which unit prices. Carried whole by the charge events.
 * {@code timings} (nullable, added later: older events read as null) says how fast the upstream
 * of a gateway call answered.
 */
public record UsageDetails(UserId userId, String apiKeyId, String modelId, String provider, String category,
                           long promptTokens, long completionTokens, ModelPricing pricing, CallTimings timings) {

    /** A call without timings (metered elsewhere). */
    public UsageDetails(UserId userId, String apiKeyId, String modelId, String provider, String category,
                        long promptTokens, long completionTokens, ModelPricing pricing) {
        this(userId, apiKeyId, modelId, provider, category, promptTokens, completionTokens, pricing, null);
    }
}
