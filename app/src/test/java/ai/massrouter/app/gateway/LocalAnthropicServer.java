package ai.massrouter.app.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server speaking Anthropic's Messages API ({@code POST /v1/messages}, JSON and its
 * named server-sent events). It insists on the headers Anthropic insists on and answers with
 * {@link #INPUT_TOKENS} / {@link #OUTPUT_TOKENS}. Given tools, it calls the first one with
 * {@link #TOOL_INPUT} (id {@link #TOOL_USE_ID}); given the tool's result, it answers with
 * {@link #TOOL_ANSWER_PREFIX} and the result, refusing a result whose id no preceding tool_use named, as
 * Anthropic does.
 */
final class LocalAnthropicServer {

    static final String API_KEY = "sk-ant-test";
    static final long INPUT_TOKENS = 900;
    static final long OUTPUT_TOKENS = 250;
    static final List<String> PIECES = List.of("Bonjour", " de", " Claude");
    static final String TOOL_USE_ID = "toolu_01A";
    static final String TOOL_INPUT = "{\"city\":\"Paris\",\"unit\":\"celsius\"}";
    static final List<String> TOOL_INPUT_PIECES = List.of("{\"city\":", "\"Paris\",\"unit\"", ":\"celsius\"}");
    static final String TOOL_ANSWER_PREFIX = "The tool said: ";
    static final String THINKING = "Let me think step by step.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    LocalAnthropicServer() throws IOException {
        server = LocalHttp.start("/v1/messages", this::handle);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        requests.add(request);
        if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("x-api-key"))
                || exchange.getRequestHeaders().getFirst("anthropic-version") == null) {
            LocalHttp.json(exchange, 401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"bad key\"}}");
            return;
        }
        if (!request.path("max_tokens").isInt()) {
            LocalHttp.json(exchange, 400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                    + "\"message\":\"max_tokens: Field required\"}}");
            return;
        }
        if (request.has("thinking") && (request.has("temperature")
                || request.path("thinking").path("budget_tokens").asInt() >= request.path("max_tokens").asInt())) {
            LocalHttp.json(exchange, 400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                    + "\"message\":\"thinking: temperature must be unset and budget_tokens below max_tokens\"}}");
            return;
        }
        if (request.toString().contains("\"url\":\"data:")) {
            LocalHttp.json(exchange, 400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                    + "\"message\":\"Only HTTP(S) URLs are supported for url image sources\"}}");
            return;
        }
        String model = request.path("model").asText();
        JsonNode messages = request.path("messages");
        JsonNode last = messages.path(messages.size() - 1).path("content");
        if (last.path(0).path("type").asText().equals("tool_result")) {
            toolAnswer(exchange, model, messages, last);
            return;
        }
        if (request.path("tools").isArray()) {
            toolUse(exchange, model, request);
            return;
        }
        if (model.equals("overloaded")) {
            LocalHttp.json(exchange, 529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        } else if (model.equals("overloaded-mid")) {
            overloadedAfterStart(exchange, model);
        } else if (request.path("stream").asBoolean(false)) {
            stream(exchange, model, !model.equals("cut"));
        } else {
            String thinking = request.has("thinking") ? "{\"type\":\"thinking\",\"thinking\":\"" + THINKING
                    + "\",\"signature\":\"sig\"}," : "";
            LocalHttp.json(exchange, 200, """
                    {"id":"msg_01","type":"message","role":"assistant","model":"%s",
                     "content":[%s{"type":"text","text":"%s"}],"stop_reason":"end_turn","stop_sequence":null,
                     "usage":{"input_tokens":%d,"output_tokens":%d}}""".formatted(model, thinking,
                    String.join("", PIECES), INPUT_TOKENS, OUTPUT_TOKENS));
        }
    }

    /** {@code complete} false: the response ends cleanly after the first piece, with no message_delta or message_stop. */
    private static void stream(HttpExchange exchange, String model, boolean complete) throws IOException {
        try (OutputStream out = LocalHttp.eventStream(exchange)) {
            event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\","
                    + "\"role\":\"assistant\",\"model\":\"" + model + "\",\"content\":[],\"stop_reason\":null,"
                    + "\"usage\":{\"input_tokens\":" + INPUT_TOKENS + ",\"output_tokens\":1}}}");
            event(out, "content_block_start",
                    "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
            event(out, "ping", "{\"type\":\"ping\"}");
            for (String piece : PIECES) {
                event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + piece + "\"}}");
                if (!complete) {
                    return;
                }
            }
            event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
            event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + OUTPUT_TOKENS + "}}");
            event(out, "message_stop", "{\"type\":\"message_stop\"}");
        }
    }

    /** What Anthropic does when it is overloaded after answering 200: message_start, then an error event. */
    private static void overloadedAfterStart(HttpExchange exchange, String model) throws IOException {
        try (OutputStream out = LocalHttp.eventStream(exchange)) {
            event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_02\",\"type\":\"message\","
                    + "\"role\":\"assistant\",\"model\":\"" + model + "\",\"content\":[],\"stop_reason\":null,"
                    + "\"usage\":{\"input_tokens\":" + INPUT_TOKENS + ",\"output_tokens\":1}}}");
            event(out, "error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        }
    }

    /** Calls the first tool: a text block, then a tool_use block (streamed as input_json_delta pieces). */
    private static void toolUse(HttpExchange exchange, String model, JsonNode request) throws IOException {
        JsonNode tool = request.path("tools").path(0);
        if (!tool.path("input_schema").isObject() || !tool.path("name").isTextual()) {
            LocalHttp.json(exchange, 400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                    + "\"message\":\"tools.0.input_schema: Field required\"}}");
            return;
        }
        String name = tool.path("name").asText();
        if (!request.path("stream").asBoolean(false)) {
            LocalHttp.json(exchange, 200, """
                    {"id":"msg_t1","type":"message","role":"assistant","model":"%s",
                     "content":[{"type":"text","text":"Let me check."},
                                {"type":"tool_use","id":"%s","name":"%s","input":%s}],
                     "stop_reason":"tool_use","stop_sequence":null,
                     "usage":{"input_tokens":%d,"output_tokens":%d}}""".formatted(model, TOOL_USE_ID, name,
                    TOOL_INPUT, INPUT_TOKENS, OUTPUT_TOKENS));
            return;
        }
        try (OutputStream out = LocalHttp.eventStream(exchange)) {
            event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_t1\",\"type\":\"message\","
                    + "\"role\":\"assistant\",\"model\":\"" + model + "\",\"content\":[],\"stop_reason\":null,"
                    + "\"usage\":{\"input_tokens\":" + INPUT_TOKENS + ",\"output_tokens\":1}}}");
            event(out, "content_block_start",
                    "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
            event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Let me check.\"}}");
            event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
            event(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":"
                    + "{\"type\":\"tool_use\",\"id\":\"" + TOOL_USE_ID + "\",\"name\":\"" + name + "\",\"input\":{}}}");
            for (String piece : TOOL_INPUT_PIECES) {
                event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,"
                        + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" + JSON.writeValueAsString(piece) + "}}");
            }
            event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}");
            event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\","
                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + OUTPUT_TOKENS + "}}");
            event(out, "message_stop", "{\"type\":\"message_stop\"}");
        }
    }

    /** Answers a tool result, which must name a tool_use of the assistant turn just before it. */
    private static void toolAnswer(HttpExchange exchange, String model, JsonNode messages, JsonNode results)
            throws IOException {
        JsonNode previous = messages.path(messages.size() - 2);
        String id = results.path(0).path("tool_use_id").asText();
        boolean named = false;
        for (JsonNode block : previous.path("content")) {
            named |= block.path("type").asText().equals("tool_use") && block.path("id").asText().equals(id);
        }
        if (!previous.path("role").asText().equals("assistant") || !named) {
            LocalHttp.json(exchange, 400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                    + "\"message\":\"unexpected tool_use_id found in tool_result blocks: " + id + "\"}}");
            return;
        }
        String answer = TOOL_ANSWER_PREFIX + results.path(0).path("content").asText();
        LocalHttp.json(exchange, 200, """
                {"id":"msg_t2","type":"message","role":"assistant","model":"%s",
                 "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":%d,"output_tokens":%d}}""".formatted(model, JSON.writeValueAsString(answer),
                INPUT_TOKENS, OUTPUT_TOKENS));
    }

    private static void event(OutputStream out, String name, String data) throws IOException {
        LocalHttp.write(out, "event: " + name + "\ndata: " + data + "\n\n");
    }

}
