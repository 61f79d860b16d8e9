package ai.massrouter.gateway.provider;

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
    private final String embeddingsUrl;
    private final Map<String, String> headers;
    private final boolean legacyMaxTokens;

    public OpenAiCompatibleAdapter(UpstreamHttp http, ProviderProperties properties) {
        this.http = http;
        this.legacyMaxTokens = properties.legacyMaxTokens();
        this.url = properties.base() + "/chat/completions";
        this.embeddingsUrl = properties.base() + "/embeddings";
        this.headers = properties.apiKey() == null || properties.apiKey().isBlank() ? Map.of()
                : Map.of("Authorization", "Bearer " + properties.apiKey());
    }

    @Override
    public Completion complete(UpstreamRequest request) {
        ObjectNode body = request.body().deepCopy();
        body.put("model", request.upstreamModel());
        body.put("stream", false);
        body.remove("stream_options");
        capCompletion(body, request, legacyMaxTokens);
        JsonNode answer = http.readJson(http.post(url, body, headers, false));
        if (!(answer instanceof ObjectNode completion) || !answer.path("choices").isArray()) {
            throw new UpstreamException(http.provider() + " answered without choices", 0, true, null);
        }
        return new Completion(completion, usage(answer.path("usage")));
    }

    @Override
    public EmbeddingResult embed(ObjectNode request, String upstreamModel) {
        ObjectNode body = request.deepCopy();
        body.put("model", upstreamModel);
        JsonNode answer = http.readJson(http.post(embeddingsUrl, body, headers, false));
        if (!(answer instanceof ObjectNode list) || !answer.path("data").isArray()) {
            throw new UpstreamException(http.provider() + " answered without embeddings", 0, true, null);
        }
        JsonNode prompt = answer.path("usage").path("prompt_tokens");
        return new EmbeddingResult(list, prompt.canConvertToLong() ? prompt.asLong() : null);
    }

    @Override
    public ChunkStream stream(UpstreamRequest request) {
        ObjectNode body = request.body().deepCopy();
        body.put("model", request.upstreamModel());
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        capCompletion(body, request, legacyMaxTokens);
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
     * The upstream may write no more than was held: a client's cap above the budget comes down to
     * it, and a call that named none gets the budget, else the answer could cost past its hold. The
     * field is {@code max_tokens} (every compatible upstream knows it), but for a reasoning model
     * {@code max_completion_tokens}, the only one OpenAI's reasoning models take (a client's
     * {@code max_tokens} is renamed), unless the provider is configured with {@code legacy-max-tokens}
     * (DeepSeek: its reasoner knows {@code max_tokens} only).
     */
    static void capCompletion(ObjectNode body, UpstreamRequest request, boolean legacyMaxTokens) {
        int budget = request.maxTokens();
        if (request.reasoningModel() && !legacyMaxTokens && body.has("max_tokens")) {
            JsonNode asked = body.remove("max_tokens");
            if (!body.has("max_completion_tokens")) {
                body.set("max_completion_tokens", asked);
            }
        }
        boolean capped = false;
        for (String field : new String[]{"max_completion_tokens", "max_tokens"}) {
            if (body.path(field).isIntegralNumber()) {
                body.put(field, Math.min(body.path(field).asLong(), budget));
                capped = true;
            }
        }
        if (!capped) {
            body.put(request.reasoningModel() && !legacyMaxTokens ? "max_completion_tokens" : "max_tokens", budget);
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

    /**
     * OpenAI's usage, with the prompt tokens read from its cache ({@code prompt_tokens_details.cached_tokens};
     * DeepSeek: {@code prompt_cache_hit_tokens}) and the reasoning tokens inside the completion
     * ({@code completion_tokens_details.reasoning_tokens}).
     */
    static TokenUsage usage(JsonNode usage) {
        if (!usage.path("prompt_tokens").canConvertToLong() || !usage.path("completion_tokens").canConvertToLong()) {
            return null;
        }
        JsonNode cached = usage.path("prompt_tokens_details").path("cached_tokens");
        if (!cached.canConvertToLong()) {
            cached = usage.path("prompt_cache_hit_tokens");
        }
        return new TokenUsage(usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong(),
                Math.max(0, cached.asLong(0)),
                Math.max(0, usage.path("completion_tokens_details").path("reasoning_tokens").asLong(0)));
    }
}
