package ai.massrouter.app.gateway;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prompt past the model's context is refused as OpenAI refuses it (400,
 * {@code context_length_exceeded}), before any hold and before any upstream: it once was held for,
 * sent on, and answered 200.
 */
class GatewayContextLengthIT extends GatewayIT {

    @Test
    void promptOf2_75MillionTokens_forA32kModel_is400ContextLengthExceeded_withoutAHold() {
        Consumer consumer = consumer("100.00");
        String model = model(32_768, "1.00", "1.00", "local-a", "ok-huge-prompt");
        // one token per Han character by the estimate rule: 2.75 million tokens in 8.25 MB
        String prompt = "字".repeat(2_750_000);

        Response response = post(consumer.key(), Map.of("model", model,
                "messages", List.of(Map.of("role", "user", "content", prompt))));

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("param").asText()).isEqualTo("messages");
        assertThat(error.path("code").asText()).isEqualTo("context_length_exceeded");
        assertThat(error.path("message").asText()).isEqualTo("This model's maximum context length is 32768 tokens. "
                + "However, your messages resulted in 2750008 tokens. Please reduce the length of the messages.");
        assertThat(response.header("X-Request-Id")).startsWith("chatcmpl-");
        assertThat(OPENAI.calls("ok-huge-prompt")).isZero();
        assertThat(eventTypes(consumer)).doesNotContain("FundsHeldEvent");
        JsonNode balance = settledBalance(consumer);
        assertThat(balance.path("available").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(balance.path("total").decimalValue()).isEqualByComparingTo("100.00");
    }

    @Test
    void promptAndTheCompletionAskedFor_pastTheContext_is400_streamedOrNot() {
        Consumer consumer = consumer("10.00");
        String model = model(2_000, "1.00", "1.00", "local-a", "ok-tight");

        Response plain = post(consumer.key(), chat(model, "max_tokens", 1_990));
        SseClient.Stream streamed = new SseClient(port).post(consumer.key(), chat(model, "stream", true,
                "max_completion_tokens", 1_990));

        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.json().path("error").path("code").asText()).isEqualTo("context_length_exceeded");
        assertThat(plain.json().path("error").path("message").asText()).isEqualTo("This model's maximum context "
                + "length is 2000 tokens. However, you requested 2010 tokens (20 in the messages, 1990 in the "
                + "completion). Please reduce the length of the messages or completion.");
        assertThat(streamed.status()).isEqualTo(400);
        assertThat(streamed.contentType()).startsWith("application/json");
        assertThat(OPENAI.calls("ok-tight")).isZero();
        assertThat(eventTypes(consumer)).doesNotContain("FundsHeldEvent");

        assertThat(post(consumer.key(), chat(model, "max_tokens", 1_980)).status()).as("exactly the context fits")
                .isEqualTo(200);
    }
}
