package ai.massrouter.command.model;

import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.user.UserId;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new pricing and usage fields survive the event store's JSON (a mapper like Axon's here: no
 * parameter-names module), and events written before them read back with the fields empty.
 */
class PricingJsonReplayTest {

    private static final ObjectMapper EVENTS = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Money TWO = Money.of(2, "CNY");

    @Test
    void cacheReadPriceAndTokenDetails_surviveAReplay() throws Exception {
        ModelPricing pricing = new ModelPricing(TWO, TWO, Money.of(1, "CNY"));
        UsageDetails usage = new UsageDetails(UserId.of("usr_1"), ApiKeyId.of("key_1"), ModelId.of("openai/gpt-4o"), "openai", "chat", 1200, 300,
                pricing, 1000L, 200L);

        assertThat(EVENTS.readValue(EVENTS.writeValueAsString(pricing), ModelPricing.class)).isEqualTo(pricing);
        assertThat(EVENTS.readValue(EVENTS.writeValueAsString(usage), UsageDetails.class)).isEqualTo(usage);
    }

    @Test
    void eventsWrittenBeforeTheNewFields_readBackWithoutThem() throws Exception {
        String old = "{\"userId\":\"usr_1\",\"apiKeyId\":null,\"modelId\":\"mock/echo\",\"provider\":\"mock\","
                + "\"category\":\"chat\",\"promptTokens\":10,\"completionTokens\":5,\"pricing\":{\"inputPerMillion\":"
                + "{\"nanos\":2000000000,\"currency\":\"CNY\"},\"outputPerMillion\":{\"nanos\":2000000000,\"currency\":\"CNY\"}}}";

        UsageDetails usage = EVENTS.readValue(old, UsageDetails.class);

        assertThat(usage.pricing()).isEqualTo(new ModelPricing(TWO, TWO));
        assertThat(usage.cachedPromptTokens()).isNull();
        assertThat(usage.reasoningTokens()).isNull();
    }
}
