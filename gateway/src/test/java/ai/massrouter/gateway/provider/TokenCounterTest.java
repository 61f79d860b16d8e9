package ai.massrouter.gateway.provider;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.model.ModelRoute;
import ai.massrouter.api.model.ModelStatus;
import ai.massrouter.api.model.ModelView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenAI's models are counted with their own tokenizer, every other model with the estimate rule. */
class TokenCounterTest {

    private static final String ENGLISH = "The quick brown fox jumps over the lazy dog.";
    private static final String CHINESE = "你好，世界";

    private static ModelView model(String id, String provider, String upstreamModel) {
        Money price = Money.of(1, "CNY");
        return new ModelView(id, id, provider, "chat", "", 128_000, ModelStatus.AVAILABLE,
                new ModelPricing(price, price), List.of(new ModelRoute(provider, upstreamModel)), 0, Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void gpt4o_isCountedWithO200kBase() {
        TokenCounter counter = TokenCounter.forModel(model("openai/gpt-4o", "openai", "gpt-4o"));
        assertThat(counter.text(ENGLISH)).isEqualTo(10);
        assertThat(counter.text(CHINESE)).isEqualTo(3);
    }

    @Test
    void olderOpenAiModels_andItsEmbeddings_areCountedWithCl100kBase_alsoThroughOpenRouter() {
        TokenCounter counter = TokenCounter.forModel(model("openai/text-embedding-3-small", "openrouter",
                "openai/text-embedding-3-small"));
        assertThat(counter.text(CHINESE)).isEqualTo(6);
    }

    @Test
    void otherModels_followTheEstimateRule() {
        TokenCounter counter = TokenCounter.forModel(model("qwen/qwen-max", "dashscope", "qwen-max"));
        // 44 characters: 11; four Han characters and a full-width comma: 4 + 1
        assertThat(counter.text(ENGLISH)).isEqualTo(11);
        assertThat(counter.text(CHINESE)).isEqualTo(5);
    }

    @Test
    void specialTokenMarkers_areCountedAsText_neverRefused() {
        TokenCounter counter = TokenCounter.forModel(model("openai/gpt-4o", "openai", "gpt-4o"));
        assertThat(counter.text("<|endoftext|>")).isEqualTo(7);
    }
}
