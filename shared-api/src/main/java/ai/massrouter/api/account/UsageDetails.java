package ai.massrouter.api.account;

import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import ai.massrouter.api.user.UserId;

/**
 * Everything an audit needs about one metered call: who (user, key), what (model, provider,
 * category), how much (tokens) and at which unit prices. Carried whole by the charge events.
 * {@code cachedPromptTokens} (part of the prompt, priced at the cache-read price when the pricing
 * has one) and {@code reasoningTokens} (part of the completion) are null in events recorded before
 * they were counted, and for usage metered by clients. {@code timings} (nullable, added later:
 * older events read it as null) says how fast the upstream of a gateway call answered.
 */
public record UsageDetails(UserId userId, ApiKeyId apiKeyId, ModelId modelId, String provider, String category,
                           long promptTokens, long completionTokens, ModelPricing pricing, Long cachedPromptTokens,
                           Long reasoningTokens, CallTimings timings) {

    /** The one constructor JSON is read with (the event store's mapper): the token details survive a replay. */
    @JsonCreator
    public UsageDetails {
    }

    /** A call without timings. */
    public UsageDetails(UserId userId, ApiKeyId apiKeyId, ModelId modelId, String provider, String category,
                        long promptTokens, long completionTokens, ModelPricing pricing, Long cachedPromptTokens,
                        Long reasoningTokens) {
        this(userId, apiKeyId, modelId, provider, category, promptTokens, completionTokens, pricing,
                cachedPromptTokens, reasoningTokens, null);
    }

    /** A call metered elsewhere: no token details, no timings. */
    public UsageDetails(UserId userId, ApiKeyId apiKeyId, ModelId modelId, String provider, String category,
                        long promptTokens, long completionTokens, ModelPricing pricing) {
        this(userId, apiKeyId, modelId, provider, category, promptTokens, completionTokens, pricing, null, null, null);
    }

    /** What this usage costs at its recorded prices: cached prompt tokens at the cache-read price, if any. */
    @JsonIgnore
    public Money cost() {
        return pricing.cost(promptTokens, cachedPromptTokens == null ? 0 : cachedPromptTokens, completionTokens);
    }
}
