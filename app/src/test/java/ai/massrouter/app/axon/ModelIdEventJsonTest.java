package ai.massrouter.app.axon;

import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.GenerationId;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.api.generation.GenerationRecordedEvent;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static ai.massrouter.app.axon.TypedIdsEventJsonTest.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage and generations name their model by a {@link ModelId}, not a String. A ModelId's
 * {@code toString()} is the model's aggregate identifier ({@code model:...}), so the stored events
 * must show they hold the catalog id, as the String did (the whole events are compared with their
 * String versions in {@link TypedIdsEventJsonTest} and {@link HoldIdEventJsonTest}).
 */
class ModelIdEventJsonTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final ModelPricing PRICING = new ModelPricing(Money.of(2, "CNY"), Money.of(2, "CNY"));

    @Test
    void usage_isStoredWithTheCatalogId_notTheAggregateId() {
        UsageDetails usage = new UsageDetails(UserId.of("usr_1"), null, ModelId.of("openai/gpt-4o"), "openai", "chat",
                10, 5, PRICING);

        String json = EVENTS.serialize(usage, String.class).getData();

        assertThat(json).startsWith("{\"userId\":\"usr_1\",\"apiKeyId\":null,\"modelId\":\"openai/gpt-4o\",")
                .doesNotContain("model:");
    }

    @Test
    void usageStoredWhenTheModelWasAString_readsBackTyped() {
        String stored = "{\"userId\":\"usr_1\",\"apiKeyId\":\"key_1\",\"modelId\":\"mock/echo\",\"provider\":\"mock\","
                + "\"category\":\"chat\",\"promptTokens\":10,\"completionTokens\":5,\"pricing\":{\"inputPerMillion\":"
                + "{\"nanos\":2000000000,\"currency\":\"CNY\"},\"outputPerMillion\":{\"nanos\":2000000000,\"currency\":\"CNY\"},"
                + "\"cacheReadPerMillion\":null},\"cachedPromptTokens\":null,\"reasoningTokens\":null,\"timings\":null}";

        Object read = EVENTS.deserialize(new SimpleSerializedObject<>(stored, String.class,
                UsageDetails.class.getName(), null));

        assertThat(read).isEqualTo(new UsageDetails(UserId.of("usr_1"), ApiKeyId.of("key_1"), ModelId.of("mock/echo"),
                "mock", "chat", 10, 5, PRICING));
        assertThat(EVENTS.serialize(read, String.class).getData()).isEqualTo(stored);
    }

    @Test
    void generationRecorded_isStoredWithTheCatalogId() {
        Money cost = Money.of(1, "CNY");
        GenerationRecordedEvent event = new GenerationRecordedEvent(GenerationId.of("chatcmpl-1"), UserId.of("usr_1"),
                null, "chat.completions", ModelId.of("openai/gpt-4o"), null, List.of(), 0, 0, 0, 0, cost, null,
                null, 12, false, GenerationOutcome.FAILED, "no route", AT, AT);

        assertThat(EVENTS.serialize(event, String.class).getData())
                .contains("\"endpoint\":\"chat.completions\",\"modelId\":\"openai/gpt-4o\",\"provider\":null,")
                .doesNotContain("model:");
    }

    @Test
    void aModelIdsText_isStillItsAggregateIdentifier() {
        // Axon names the model's event stream by toString(); the catalog's streams were written under this
        assertThat(ModelId.of("openai/gpt-4o")).hasToString("model:openai/gpt-4o");
        assertThat(ModelId.valueOf(ModelId.of("openai/gpt-4o"))).isEqualTo("openai/gpt-4o");
        assertThat(ModelId.valueOf(null)).isNull();
    }
}
