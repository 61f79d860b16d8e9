package ai.massrouter.app.gateway;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent written for OpenAI's tool calls works on Claude through the gateway: tools and
 * {@code tool_choice} go to Anthropic in its shape, its {@code tool_use} comes back as {@code tool_calls}
 * (streamed as OpenAI streams them: id and name first, then the argument text in pieces), and the
 * assistant's call and the tool's result go back as {@code tool_use} and {@code tool_result} blocks.
 */
class GatewayAnthropicToolsIT extends GatewayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> WEATHER = Map.of("type", "function", "function", Map.of(
            "name", "get_weather", "description", "Current weather in a city",
            "parameters", Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"),
                    "unit", Map.of("type", "string")), "required", List.of("city"))));

    @Test
    void toolCallRoundTrip_onAnAnthropicRoute() throws Exception {
        Consumer consumer = consumer("10.00");
        String model = model("3.00", "15.00", "local-claude", "claude-tools");
        List<Object> messages = new ArrayList<>(List.of(Map.of("role", "system", "content", "Use tools."),
                Map.of("role", "user", "content", "Weather in Paris?")));

        Response first = post(consumer.key(), body(model, messages, "tool_choice", "required",
                "parallel_tool_calls", false));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode sent = lastAnthropicRequest();
        assertThat(sent.path("tools").path(0).path("name").asText()).isEqualTo("get_weather");
        assertThat(sent.path("tools").path(0).path("description").asText()).isEqualTo("Current weather in a city");
        assertThat(sent.path("tools").path(0).path("input_schema").path("required").path(0).asText()).isEqualTo("city");
        assertThat(sent.path("tool_choice").path("type").asText()).isEqualTo("any");
        assertThat(sent.path("tool_choice").path("disable_parallel_tool_use").asBoolean()).isTrue();
        JsonNode choice = first.json().path("choices").path(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode message = choice.path("message");
        assertThat(message.path("content").asText()).isEqualTo("Let me check.");
        JsonNode call = message.path("tool_calls").path(0);
        assertThat(call.path("id").asText()).isEqualTo(LocalAnthropicServer.TOOL_USE_ID);
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(JSON.readTree(call.path("function").path("arguments").asText()))
                .isEqualTo(JSON.readTree(LocalAnthropicServer.TOOL_INPUT));

        messages.add(JSON.convertValue(message, Map.class));
        messages.add(Map.of("role", "tool", "tool_call_id", call.path("id").asText(), "content", "18 degrees, sunny"));
        Response second = post(consumer.key(), body(model, messages));

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().path("choices").path(0).path("message").path("content").asText())
                .isEqualTo(LocalAnthropicServer.TOOL_ANSWER_PREFIX + "18 degrees, sunny");
        JsonNode replay = lastAnthropicRequest().path("messages");
        assertThat(replay).hasSize(3);
        JsonNode assistant = replay.path(1);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("content").path(0).path("text").asText()).isEqualTo("Let me check.");
        assertThat(assistant.path("content").path(1).path("type").asText()).isEqualTo("tool_use");
        assertThat(assistant.path("content").path(1).path("input"))
                .isEqualTo(JSON.readTree(LocalAnthropicServer.TOOL_INPUT));
        assertThat(replay.path(2).path("role").asText()).isEqualTo("user");
        assertThat(replay.path(2).path("content").path(0).path("type").asText()).isEqualTo("tool_result");
        assertThat(replay.path(2).path("content").path(0).path("tool_use_id").asText())
                .isEqualTo(LocalAnthropicServer.TOOL_USE_ID);
        charge(consumer, second.header("X-Request-Id"));
    }

    @Test
    void streamedToolCall_arrivesAsOpenAiToolCallDeltas() throws Exception {
        Consumer consumer = consumer("10.00");
        String model = model("3.00", "15.00", "local-claude", "claude-tools");

        SseClient.Stream stream = new SseClient(port).post(consumer.key(), body(model, List.of(Map.of("role", "user",
                "content", "Weather in Paris?")), "stream", true, "tool_choice", Map.of("type", "function",
                "function", Map.of("name", "get_weather"))));

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.data()).last().isEqualTo("[DONE]");
        assertThat(lastAnthropicRequest().path("tool_choice").path("type").asText()).isEqualTo("tool");
        assertThat(lastAnthropicRequest().path("tool_choice").path("name").asText()).isEqualTo("get_weather");
        assertThat(stream.text()).isEqualTo("Let me check.");
        List<JsonNode> calls = new ArrayList<>();
        String finish = null;
        for (JsonNode chunk : stream.chunks()) {
            JsonNode choice = chunk.path("choices").path(0);
            choice.path("delta").path("tool_calls").forEach(calls::add);
            if (choice.path("finish_reason").isTextual()) {
                finish = choice.path("finish_reason").asText();
            }
        }
        assertThat(finish).isEqualTo("tool_calls");
        assertThat(calls.get(0).path("index").asInt()).isZero();
        assertThat(calls.get(0).path("id").asText()).isEqualTo(LocalAnthropicServer.TOOL_USE_ID);
        assertThat(calls.get(0).path("type").asText()).isEqualTo("function");
        assertThat(calls.get(0).path("function").path("name").asText()).isEqualTo("get_weather");
        StringBuilder arguments = new StringBuilder();
        calls.forEach(c -> arguments.append(c.path("function").path("arguments").asText("")));
        assertThat(calls).hasSize(1 + LocalAnthropicServer.TOOL_INPUT_PIECES.size());
        calls.subList(1, calls.size()).forEach(c -> {
            assertThat(c.path("index").asInt()).isZero();
            assertThat(c.has("id")).isFalse();
        });
        assertThat(arguments.toString()).isEqualTo(LocalAnthropicServer.TOOL_INPUT);
        assertThat(charge(consumer, stream.requestId()).path("completion_tokens").asLong())
                .isEqualTo(LocalAnthropicServer.OUTPUT_TOKENS);
    }

    private static Map<String, Object> body(String model, List<?> messages, Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", messages);
        body.put("tools", List.of(WEATHER));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    private static JsonNode lastAnthropicRequest() {
        return ANTHROPIC.requests.get(ANTHROPIC.requests.size() - 1);
    }
}
