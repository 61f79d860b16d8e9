package ai.massrouter.api.model;

import ai.massrouter.api.common.Money;
import com.fasterxml.jackson.annotation.JsonCreator;

import java.math.BigInteger;

/**
 * Prices per one million prompt (input) and completion (output) tokens, as exact {@link Money},
 * and optionally per million prompt tokens read from the upstream's prompt cache
 * ({@code cacheReadPerMillion}, null when the catalog names none: cached tokens then cost the input
 * price). The cost of a call is {@code (uncached * input + cached * cacheRead + completion * output) / 10^6},
 * computed exactly and rounded half-up to the nano once, on the total: the platform's one rounding
 * rule for charges. Reasoning tokens are completion tokens and cost the output price.
 */
public record ModelPricing(Money inputPerMillion, Money outputPerMillion, Money cacheReadPerMillion) {

    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);
    private static final BigInteger HALF_MILLION = BigInteger.valueOf(500_000);

    /** The one constructor JSON is read with (the event store's mapper), so the cache-read price survives a replay. */
    @JsonCreator
    public ModelPricing {
    }

    public ModelPricing(Money inputPerMillion, Money outputPerMillion) {
        this(inputPerMillion, outputPerMillion, null);
    }

    public String currency() {
        return inputPerMillion.currency();
    }

    public Money cost(long promptTokens, long completionTokens) {
        return cost(promptTokens, 0, completionTokens);
    }

    /** {@code cachedPromptTokens} are part of {@code promptTokens}; they cost the cache-read price when there is one. */
    public Money cost(long promptTokens, long cachedPromptTokens, long completionTokens) {
        long cached = cacheReadPerMillion == null ? 0 : Math.max(0, Math.min(cachedPromptTokens, promptTokens));
        BigInteger total = BigInteger.valueOf(promptTokens - cached).multiply(BigInteger.valueOf(inputPerMillion.nanos()))
                .add(BigInteger.valueOf(completionTokens).multiply(BigInteger.valueOf(outputPerMillion.nanos())));
        if (cached > 0) {
            total = total.add(BigInteger.valueOf(cached).multiply(BigInteger.valueOf(cacheReadPerMillion.nanos())));
        }
        BigInteger rounded = total.add(HALF_MILLION).divide(MILLION);
        return new Money(rounded.longValueExact(), currency());
    }
}
