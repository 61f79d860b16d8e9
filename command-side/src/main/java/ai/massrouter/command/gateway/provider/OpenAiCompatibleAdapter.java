package ai.massrouter.command.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Map;

/**
 * Any upstream speaking OpenAI's Chat Completions (OpenAI, DeepSeek, DashScope's compatible
 * mode, Moonshot, OpenRouter, vLLM, Ollama): the request goes through as the client sent it, with
 * the upstream's model name; a stream always asks for usage, so a finished stream is charged at
 * what the upstream counted (the client sees the usage chunk only if it asked for it).
 */
public final class OpenAiCompatibleAdapter implements ProviderAdapter {

    private final UpstreamHttp http;
    private final String url;
    private final Map<String, String> headers;

    public OpenAiCompatibleAdapter(UpstreamHttp http, ProviderProperties properties) {
        this.http = http;
        this.url = properties.base() + "/chat/completions";
        this.headers = properties.apiKey() == null || properties.apiKey().isBlank() ? Map.of()
                : Map.of("Authorization", "Bearer " + properties.apiKey());
    }

    @Override
    public Completion complete(UpstreamRequest request) {
        ObjectNode body = request.body().deepCopy();
        body.put("model", request.upstreamModel());
        body.put("stream", false);
        body.remove("stream_options");
        capCompletion(body, request.maxTokens());
        JsonNode answer = http.readJson(http.post(url, body, headers, false));
        if (!(answer instanceof ObjectNode completion) || !answer.path("choices").isArray()) {
            throw new UpstreamException(http.provider() + " answered without choices", 0, true, null);
        }
        return new Completion(completion, usage(answer.path("usage")));
    }

    @Override
    public ChunkStream stream(UpstreamRequest request) {
        ObjectNode body = request.body().deepCopy();
        body.put("model", request.upstreamModel());
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        capCompletion(body, request.maxTokens());
        SseReader events = new SseReader(http.post(url, body, headers, true));
        return new ChunkStream() {
            private boolean done;
            private boolean finished;

            @Override
            public ChatChunk next() {
                while (!done) {
                    SseEvent event = read(events);
                    if (event == null || event.data().strip().equals("[DONE]")) {
                        done = true;
                        if (event == null && !finished) {
                            throw cutOff(http.provider());
                        }
                        return null;
                    }
                    JsonNode chunk = http.parse(event.data());
                    if (chunk.has("error")) {
                        throw midStream(chunk.path("error"));
                    }
                    ChatChunk parsed = chunk(chunk);
                    if (parsed != null) {
                        finished |= parsed.finishReason() != null;
                        return parsed;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                events.close();
            }
        };
    }

    /**
     * The upstream may write no more than was held: a client's cap above the budget (the model's
     * context) comes down to it, and a call that named none gets the budget as {@code max_tokens}
     * (the field every compatible upstream knows), else the answer could cost past its hold.
     */
    private static void capCompletion(ObjectNode body, int budget) {
        boolean capped = false;
        for (String field : new String[]{"max_completion_tokens", "max_tokens"}) {
            if (body.path(field).isIntegralNumber()) {
                body.put(field, Math.min(body.path(field).asLong(), budget));
                capped = true;
            }
        }
        if (!capped) {
            body.put("max_tokens", budget);
        }
    }

    /**
     * An error event. Its {@code code}, when it is an HTTP status (OpenRouter, vLLM), is classified
     * like the status itself: a 5xx before the first token lets the next route serve the call.
     */
    private UpstreamException midStream(JsonNode error) {
        String message = http.provider() + " failed mid-stream: " + error.path("message").asText("");
        int code = error.path("code").canConvertToInt() ? error.path("code").asInt() : 0;
        return code >= 100 && code < 600
                ? UpstreamException.ofStatus(http.provider(), code, "failed mid-stream: " + error.path("message").asText(""))
                : new UpstreamException(message, 0, false, null);
    }

    /**
     * The response ended with neither {@code [DONE]} nor a finish reason: cut off (a proxy's
     * timeout, a crash), not finished. Before the first chunk the next route may serve the call.
     */
    static UpstreamException cutOff(String provider) {
        return new UpstreamException(provider + " ended the stream before the answer was finished", 0, true, null);
    }

    private SseEvent read(SseReader events) {
        try {
            return events.next();
        } catch (IOException e) {
            throw UpstreamException.unreachable(http.provider(), e);
        }
    }

    /** A chunk with a choice keeps its delta as sent (tool calls, reasoning); a usage-only chunk has no choices. */
    private static ChatChunk chunk(JsonNode chunk) {
        TokenUsage usage = usage(chunk.path("usage"));
        JsonNode choice = chunk.path("choices").path(0);
        if (choice.isMissingNode()) {
            return usage == null ? null : ChatChunk.usageOnly(usage);
        }
        ObjectNode delta = choice.path("delta") instanceof ObjectNode d ? d : null;
        String finish = choice.path("finish_reason").isTextual() ? choice.path("finish_reason").asText() : null;
        return new ChatChunk(choice.path("index").asInt(0), delta, finish, usage);
    }

    static TokenUsage usage(JsonNode usage) {
        if (!usage.path("prompt_tokens").canConvertToLong() || !usage.path("completion_tokens").canConvertToLong()) {
            return null;
        }
        return new TokenUsage(usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong());
    }
}
