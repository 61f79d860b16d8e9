package ai.massrouter.app.gateway;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenAI's wire format in front of a local server speaking Anthropic's Messages API, both ways. */
class GatewayAnthropicIT extends GatewayIT {

    private static final String REPLY = String.join("", LocalAnthropicServer.PIECES);

    @Test
    void nonStreamingCall_isTranslatedBothWays_andChargedAtAnthropicsUsage() {
        Consumer consumer = consumer("10.00");
        String model = model("21.60", "108.00", "local-claude", "claude-test");

        Response response = post(consumer.key(), chat(model, "temperature", 0.2, "stop", "END"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode choice = response.json().path("choices").path(0);
        assertThat(choice.path("message").path("content").asText()).isEqualTo(REPLY);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(response.json().path("usage").path("prompt_tokens").asLong()).isEqualTo(LocalAnthropicServer.INPUT_TOKENS);

        JsonNode sent = ANTHROPIC.requests.get(ANTHROPIC.requests.size() - 1);
        assertThat(sent.path("model").asText()).isEqualTo("claude-test");
        assertThat(sent.path("system").asText()).isEqualTo("Be brief.");
        assertThat(sent.path("messages")).hasSize(1);
        assertThat(sent.path("messages").path(0).path("role").asText()).isEqualTo("user");
        assertThat(sent.path("max_tokens").asInt()).as("the held default budget").isEqualTo(4096);
        assertThat(sent.path("stop_sequences").path(0).asText()).isEqualTo("END");
        assertThat(sent.path("temperature").decimalValue()).isEqualByComparingTo("0.2");

        BigDecimal expected = cost("21.60", LocalAnthropicServer.INPUT_TOKENS, "108.00", LocalAnthropicServer.OUTPUT_TOKENS);
        assertThat(charge(consumer, response.header("X-Request-Id")).path("amount").decimalValue())
                .isEqualByComparingTo(expected.negate());
        assertThat(settledBalance(consumer).path("available").decimalValue())
                .isEqualByComparingTo(new BigDecimal("10.00").subtract(expected));
    }

    @Test
    void streamingCall_becomesOpenAiChunks_andIsChargedAtAnthropicsUsage() {
        Consumer consumer = consumer("10.00");
        String model = model("21.60", "108.00", "local-claude", "overloaded", "local-claude", "claude-test");

        SseClient.Stream stream = new SseClient(port).post(consumer.key(), chat(model, "stream", true, "max_tokens", 300,
                "stream_options", Map.of("include_usage", true)));

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.data()).last().isEqualTo("[DONE]");
        assertThat(stream.text()).isEqualTo(REPLY);
        List<JsonNode> chunks = stream.chunks();
        assertThat(chunks.get(0).path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
        assertThat(chunks.get(chunks.size() - 2).path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
        assertThat(usage.path("prompt_tokens").asLong()).isEqualTo(LocalAnthropicServer.INPUT_TOKENS);
        assertThat(usage.path("completion_tokens").asLong()).isEqualTo(LocalAnthropicServer.OUTPUT_TOKENS);
        assertThat(ANTHROPIC.requests.get(ANTHROPIC.requests.size() - 1).path("max_tokens").asInt()).isEqualTo(300);

        BigDecimal expected = cost("21.60", LocalAnthropicServer.INPUT_TOKENS, "108.00", LocalAnthropicServer.OUTPUT_TOKENS);
        assertThat(charge(consumer, stream.requestId()).path("amount").decimalValue())
                .isEqualByComparingTo(expected.negate());
    }

    @Test
    void streamEndingWithoutMessageStop_endsWithAnErrorEvent_andChargesWhatWasDelivered() {
        Consumer consumer = consumer("10.00");
        String model = model("1000.00", "2000.00", "local-claude", "cut");

        SseClient.Stream stream = new SseClient(port).post(consumer.key(), Map.of("model", model, "stream", true,
                "max_tokens", 100, "messages", List.of(Map.of("role", "user", "content", "stream slowly"))));

        assertThat(stream.text()).isEqualTo(LocalAnthropicServer.PIECES.get(0));
        assertThat(stream.data()).doesNotContain("[DONE]");
        assertThat(stream.chunks().get(stream.chunks().size() - 1).path("error").path("code").asText())
                .isEqualTo("UPSTREAM_001");
        // "Bonjour": 7 characters, 2 tokens by the estimate rule; the prompt estimate is 12
        JsonNode charge = charge(consumer, stream.requestId());
        assertThat(charge.path("completion_tokens").asLong()).isEqualTo(2);
        assertThat(charge.path("amount").decimalValue()).isEqualByComparingTo(cost("1000.00", 12, "2000.00", 2).negate());
    }

    /** OpenAI's reasoning_effort turns Anthropic's extended thinking on; the thinking comes back as reasoning_content. */
    @Test
    void reasoningEffort_becomesAThinkingBudget_andThinkingComesBackAsReasoningContent() {
        Consumer consumer = consumer("10.00");
        String model = model("1.00", "1.00", "local-claude", "claude-test");

        Response response = post(consumer.key(), chat(model, "reasoning_effort", "medium", "max_tokens", 8000,
                "temperature", 0.3));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode sent = ANTHROPIC.requests.get(ANTHROPIC.requests.size() - 1);
        assertThat(sent.path("thinking").path("type").asText()).isEqualTo("enabled");
        assertThat(sent.path("thinking").path("budget_tokens").asInt()).isEqualTo(4096);
        assertThat(sent.has("temperature")).isFalse();
        JsonNode message = response.json().path("choices").path(0).path("message");
        assertThat(message.path("reasoning_content").asText()).isEqualTo(LocalAnthropicServer.THINKING);
        assertThat(message.path("content").asText()).isEqualTo(REPLY);

        // a cap too small for Anthropic's minimum budget leaves thinking off
        assertThat(post(consumer.key(), chat(model, "reasoning_effort", "high", "max_tokens", 1000)).status())
                .isEqualTo(200);
        assertThat(ANTHROPIC.requests.get(ANTHROPIC.requests.size() - 1).has("thinking")).isFalse();
    }

    /** OpenAI SDKs send local images as base64 data URLs; Anthropic refuses those as url sources. */
    @Test
    void base64Image_goesAsABase64Source() {
        Consumer consumer = consumer("10.00");
        String model = model("1.00", "1.00", "local-claude", "claude-test");
        List<Map<String, Object>> content = List.of(Map.of("type", "text", "text", "What is this?"),
                Map.of("type", "image_url", "image_url", Map.of("url", "data:image/png;base64,iVBORw0KGgo=")));

        Response response = post(consumer.key(), Map.of("model", model, "messages",
                List.of(Map.of("role", "user", "content", content))));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode source = ANTHROPIC.requests.get(ANTHROPIC.requests.size() - 1).path("messages").path(0)
                .path("content").path(1).path("source");
        assertThat(source.path("type").asText()).isEqualTo("base64");
        assertThat(source.path("media_type").asText()).isEqualTo("image/png");
        assertThat(source.path("data").asText()).isEqualTo("iVBORw0KGgo=");
    }
}
