package ai.massrouter.api.model;

import ai.massrouter.api.common.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's one rounding rule: exact integers, half-up to the nano once, on the total. */
class ModelPricingTest {

    private static ModelPricing perMillion(String input, String output) {
        return new ModelPricing(Money.ofDecimal(new BigDecimal(input), "CNY"), Money.ofDecimal(new BigDecimal(output), "CNY"));
    }

    @Test
    void catalogPrices_timesAnyTokenCount_areExactWithoutRounding() {
        // ¥2.00 / ¥8.00 per million tokens: 2,000 and 8,000 nanos a token
        Money cost = perMillion("2.00", "8.00").cost(1_234_567, 89_012);
        assertThat(cost.nanos()).isEqualTo(1_234_567L * 2_000 + 89_012L * 8_000);
        assertThat(cost.toDecimal()).isEqualByComparingTo("3.181230");
    }

    @Test
    void fractionsOfANano_areRoundedHalfUp_onTheTotalOnly() {
        // 0.0000015 per million = 0.0015 nanos a token
        ModelPricing tiny = perMillion("0.0000015", "0.0000015");
        assertThat(tiny.cost(333, 0).nanos()).isEqualTo(0);      // 0.4995 nanos
        assertThat(tiny.cost(334, 0).nanos()).isEqualTo(1);      // 0.501 nanos
        // rounded once on the sum (0.2505 + 0.2505 = 0.501 → 1), not per part (0 + 0)
        assertThat(tiny.cost(167, 167).nanos()).isEqualTo(1);
    }

    @Test
    void noTokens_costNothing() {
        assertThat(perMillion("60", "120").cost(0, 0)).isEqualTo(Money.zero("CNY"));
    }

    @Test
    void cachedPromptTokens_costTheCacheReadPrice_whenTheCatalogHasOne() {
        Money input = Money.ofDecimal(new BigDecimal("2.50"), "CNY");
        Money output = Money.ofDecimal(new BigDecimal("10.00"), "CNY");
        ModelPricing withCache = new ModelPricing(input, output, Money.ofDecimal(new BigDecimal("1.25"), "CNY"));
        // 1,000 prompt tokens of which 800 cached: 200 × 2,500 + 800 × 1,250 + 100 × 10,000 nanos
        assertThat(withCache.cost(1_000, 800, 100).nanos()).isEqualTo(200L * 2_500 + 800L * 1_250 + 100L * 10_000);
        // without a cache-read price, cached tokens are ordinary prompt tokens
        assertThat(new ModelPricing(input, output).cost(1_000, 800, 100)).isEqualTo(new ModelPricing(input, output)
                .cost(1_000, 100));
        // a cached count above the prompt (a confused upstream) never makes the prompt cheaper than all cached
        assertThat(withCache.cost(10, 50, 0).nanos()).isEqualTo(10L * 1_250);
    }
}
