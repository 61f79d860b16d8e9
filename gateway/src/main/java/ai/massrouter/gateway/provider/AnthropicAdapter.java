package ai.massrouter.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Anthropic's Messages API behind OpenAI's wire format, both ways and streaming included:
 * {@code message_start} gives the prompt tokens and the assistant role, {@code text_delta}s the
 * content, {@code thinking_delta}s the {@code reasoning_content}, a {@code tool_use} block's start and
 * its {@code input_json_delta}s a tool call's id, name and argument text, {@code message_delta} the
 * finish reason and the completion tokens.
 */
public final class AnthropicAdapter implements ProviderAdapter {

    static final String VERSION = "2023-06-01";

    private final UpstreamHttp http;
    private final String url;
    private final Map<String, String> headers;

    public AnthropicAdapter(UpstreamHttp http, ProviderProperties properties) {
        this.http = http;
        this.url = properties.base() + "/v1/messages";
        this.headers = properties.apiKey() == null || properties.apiKey().isBlank()
                ? Map.of("anthropic-version", VERSION)
                : Map.of("x-api-key", properties.apiKey(), "anthropic-version", VERSION);
    }

    @Override
    public Completion complete(UpstreamRequest request) {
        JsonNode message = http.readJson(http.post(url, AnthropicTranslation.request(request), headers, false));
        if (!message.path("content").isArray()) {
            throw new UpstreamException(http.provider() + " answered without content", 0, true, null);
        }
        return new Completion(AnthropicTranslation.completion(message),
                AnthropicTranslation.usage(message.path("usage")));
    }

    @Override
    public ChunkStream stream(UpstreamRequest request) {
        SseReader events = new SseReader(http.post(url, AnthropicTranslation.request(request), headers, true));
        return new ChunkStream() {
            private TokenUsage started = new TokenUsage(0, 0);
            private final Map<Integer, Integer> toolIndex = new HashMap<>();

            private ObjectNode toolCall(int block) {
                return NODES.objectNode().put("index", toolIndex.getOrDefault(block, 0));
            }
            private boolean done;
            private boolean finished;

            @Override
            public ChatChunk next() {
                while (!done) {
                    SseEvent event = read(events);
                    if (event == null) {
                        done = true;
                        if (!finished) {
                            throw OpenAiCompatibleAdapter.cutOff(http.provider());
                        }
                        return null;
                    }
                    JsonNode data = http.parse(event.data());
                    ChatChunk chunk = translate(data.path("type").asText(), data);
                    if (chunk != null) {
                        return chunk;
                    }
                }
                return null;
            }

            private ChatChunk translate(String type, JsonNode data) {
                switch (type) {
                    case "message_start" -> {
                        started = AnthropicTranslation.usage(withOutput(data.path("message").path("usage")));
                        return new ChatChunk(0, delta().put("role", "assistant").put("content", ""), null, null);
                    }
                    case "content_block_start" -> {
                        JsonNode block = data.path("content_block");
                        if (!block.path("type").asText().equals("tool_use")) {
                            return null;
                        }
                        // OpenAI numbers a message's tool calls from 0; Anthropic numbers all its blocks
                        toolIndex.put(data.path("index").asInt(), toolIndex.size());
                        ObjectNode call = toolCall(data.path("index").asInt()).put("id", block.path("id").asText())
                                .put("type", "function");
                        call.putObject("function").put("name", block.path("name").asText()).put("arguments", "");
                        return new ChatChunk(0, (ObjectNode) delta().set("tool_calls", NODES.arrayNode().add(call)),
                                null, null);
                    }
                    case "content_block_delta" -> {
                        JsonNode delta = data.path("delta");
                        return switch (delta.path("type").asText()) {
                            case "text_delta" -> new ChatChunk(0, delta().put("content", delta.path("text").asText()),
                                    null, null);
                            case "thinking_delta" -> new ChatChunk(0, delta().put("reasoning_content",
                                    delta.path("thinking").asText()), null, null);
                            case "input_json_delta" -> {
                                ObjectNode call = toolCall(data.path("index").asInt());
                                call.putObject("function").put("arguments", delta.path("partial_json").asText());
                                yield new ChatChunk(0, (ObjectNode) delta().set("tool_calls",
                                        NODES.arrayNode().add(call)), null, null);
                            }
                            default -> null;
                        };
                    }
                    case "message_delta" -> {
                        finished = true;
                        JsonNode usage = data.path("usage");
                        TokenUsage input = usage.has("input_tokens") ? AnthropicTranslation.usage(withOutput(usage))
                                : started;
                        TokenUsage total = usage.path("output_tokens").canConvertToLong()
                                ? new TokenUsage(input.promptTokens(), usage.path("output_tokens").asLong(),
                                input.cachedPromptTokens(), 0) : null;
                        return new ChatChunk(0, delta(), AnthropicTranslation.finishReason(
                                data.path("delta").path("stop_reason").asText("end_turn")), total);
                    }
                    case "message_stop" -> {
                        done = true;
                        return null;
                    }
                    case "error" -> {
                        String kind = data.path("error").path("type").asText();
                        throw new UpstreamException(http.provider() + " failed mid-stream: " + kind + " "
                                + data.path("error").path("message").asText(""), 0,
                                kind.equals("overloaded_error") || kind.equals("api_error"), null);
                    }
                    default -> {
                        return null;
                    }
                }
            }

            @Override
            public void close() {
                events.close();
            }
        };
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static ObjectNode delta() {
        return NODES.objectNode();
    }

    /** {@code message_start} may omit the output count; the prompt count is what it is read for. */
    private static JsonNode withOutput(JsonNode usage) {
        ObjectNode copy = usage instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
        if (!copy.has("output_tokens")) {
            copy.put("output_tokens", 0);
        }
        if (!copy.has("input_tokens")) {
            copy.put("input_tokens", 0);
        }
        return copy;
    }

    private SseEvent read(SseReader events) {
        try {
            return events.next();
        } catch (IOException e) {
            throw UpstreamException.unreachable(http.provider(), e);
        }
    }
}
