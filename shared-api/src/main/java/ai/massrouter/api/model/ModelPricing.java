package ai.massrouter.api.model;

import ai.massrouter.api.common.Money;

import java.math.BigInteger;

/**
 * Prices per one million prompt (input) and completion (output) tokens, as exact {@link Money}.
 * The cost of a call is {@code (prompt * input + completion * output) / 10^6}, computed exactly
 * and rounded half-up to the nano once, on the total: the platform's one rounding rule for charges.
 */
public record ModelPricing(Money inputPerMillion, Money outputPerMillion) {

    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);
    private static final BigInteger HALF_MILLION = BigInteger.valueOf(500_000);

    public String currency() {
        return inputPerMillion.currency();
    }

    public Money cost(long promptTokens, long completionTokens) {
        BigInteger total = BigInteger.valueOf(promptTokens).multiply(BigInteger.valueOf(inputPerMillion.nanos()))
                .add(BigInteger.valueOf(completionTokens).multiply(BigInteger.valueOf(outputPerMillion.nanos())));
        BigInteger rounded = total.add(HALF_MILLION).divide(MILLION);
        return new Money(rounded.longValueExact(), currency());
    }
}
