package ai.massrouter.app.gateway;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upstream that reports no usage: an OpenAI model is counted with OpenAI's own tokenizer
 * (o200k_base for GPT-4o), any other with the estimate rule.
 */
class GatewayTokenCountIT extends GatewayIT {

    private static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    @Test
    void openAiModelWithoutReportedUsage_isCountedWithItsTokenizer() {
        Consumer consumer = consumer("10.00");
        String model = model("1.00", "1.00", "local-a", "gpt-4o-nousage");

        Response plain = post(consumer.key(), chat(model));
        SseClient.Stream streamed = new SseClient(port).post(consumer.key(), chat(model, "stream", true,
                "stream_options", Map.of("include_usage", true)));

        // the chat() prompt: 3 + per message 4, its role and its text, each counted by o200k_base
        long prompt = 3 + 4 + o200k("system") + o200k("Be brief.") + 4 + o200k("user") + o200k("Say hello");
        long reply = o200k(LocalOpenAiServer.REPLY);
        assertThat(reply).isEqualTo(3).isNotEqualTo(5);
        for (JsonNode usage : new JsonNode[]{plain.json().path("usage"),
                streamed.chunks().get(streamed.chunks().size() - 1).path("usage")}) {
            assertThat(usage.path("prompt_tokens").asLong()).isEqualTo(prompt);
            assertThat(usage.path("completion_tokens").asLong()).isEqualTo(reply);
        }
        assertThat(charge(consumer, plain.header("X-Request-Id")).path("completion_tokens").asLong()).isEqualTo(reply);
        assertThat(charge(consumer, streamed.requestId()).path("completion_tokens").asLong()).isEqualTo(reply);
    }

    @Test
    void otherModelWithoutReportedUsage_followsTheEstimateRule() {
        Consumer consumer = consumer("10.00");
        String model = model("1.00", "1.00", "local-a", "llama-nousage");

        Response plain = post(consumer.key(), chat(model));

        // "Hello from upstream": 19 characters, 5 tokens by the estimate rule; the prompt estimate is 20
        assertThat(plain.json().path("usage").path("completion_tokens").asLong()).isEqualTo(5);
        assertThat(plain.json().path("usage").path("prompt_tokens").asLong()).isEqualTo(20);
    }

    private static long o200k(String text) {
        return O200K.countTokensOrdinary(text);
    }
}
