package ai.massrouter.api.account;

import ai.massrouter.api.model.ModelPricing;
import com.fasterxml.jackson.annotation.JsonCreator;
import ai.massrouter.api.user.UserId;

/**
 * Everything an audit needs about one metered call: who (user, key), what (model, provider,
 * category), how much (tokens) and at which unit prices. Carried whole by the charge events.
 * {@code cachedPromptTokens} (part of the prompt, priced at the cache-read price when the pricing
 * has one) and {@code reasoningTokens} (part of the completion) are null in events recorded before
 * they were counted, and for usage metered by clients.
 */
public record UsageDetails(UserId userId, String apiKeyId, String modelId, String provider, String category,
                           long promptTokens, long completionTokens, ModelPricing pricing, Long cachedPromptTokens,
                           Long reasoningTokens) {

    /** The one constructor JSON is read with (the event store's mapper): the token details survive a replay. */
    @JsonCreator
    public UsageDetails {
    }

    public UsageDetails(UserId userId, String apiKeyId, String modelId, String provider, String category,
                        long promptTokens, long completionTokens, ModelPricing pricing) {
        this(userId, apiKeyId, modelId, provider, category, promptTokens, completionTokens, pricing, null, null);
    }
}
