package ai.massrouter.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The built-in offline provider: no network, the same answer and token counts for the same
 * request. {@code echo} answers with the last user message;
 * {@code embed} (on {@code /v1/embeddings}) with deterministic vectors; {@code lorem} with lorem ipsum worth
 * {@code max_tokens} tokens (16 when unset, at most 512 words). Counts follow {@link TokenEstimate},
 * and neither answers with more tokens than the call's cap, as a real model would not.
 */
public final class MockAdapter implements ProviderAdapter {

    public static final String NAME = "mock";
    static final int LOREM_DEFAULT_TOKENS = 16;
    static final int LOREM_MAX_WORDS = 512;
    private static final String[] LOREM = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod "
            + "tempor incididunt ut labore et dolore magna aliqua").split(" ");

    @Override
    public Completion complete(UpstreamRequest request) {
        String reply = reply(request);
        TokenUsage usage = usage(request, reply);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("object", "chat.completion");
        body.put("model", request.upstreamModel());
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", reply);
        choice.put("finish_reason", "stop");
        body.putObject("usage").put("prompt_tokens", usage.promptTokens())
                .put("completion_tokens", usage.completionTokens()).put("total_tokens", usage.totalTokens());
        return new Completion(body, usage);
    }

    /** {@code embed}: deterministic unit vectors (see {@link MockEmbeddings}). */
    @Override
    public EmbeddingResult embed(ObjectNode request, String upstreamModel) {
        return MockEmbeddings.embed(request, upstreamModel);
    }

    @Override
    public ChunkStream stream(UpstreamRequest request) {
        String reply = reply(request);
        List<ChatChunk> chunks = new ArrayList<>();
        chunks.add(new ChatChunk(0, delta().put("role", "assistant").put("content", ""), null, null));
        String[] words = reply.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            chunks.add(new ChatChunk(0, delta().put("content", i == 0 ? words[i] : " " + words[i]), null, null));
        }
        chunks.add(new ChatChunk(0, delta(), "stop", usage(request, reply)));
        Iterator<ChatChunk> next = chunks.iterator();
        return new ChunkStream() {
            @Override
            public ChatChunk next() {
                return next.hasNext() ? next.next() : null;
            }

            @Override
            public void close() {
                // nothing to cancel: no connection
            }
        };
    }

    /**
     * Like a real model, never more completion tokens than the call's cap ({@code max_completion_tokens}
     * or {@code max_tokens}, counted by {@link TokenEstimate}): the hold was placed for that many.
     */
    private static String reply(UpstreamRequest request) {
        JsonNode max = request.body().has("max_completion_tokens") ? request.body().path("max_completion_tokens")
                : request.body().path("max_tokens");
        long cap = max.canConvertToLong() ? max.asLong() : Long.MAX_VALUE;
        if (request.upstreamModel().equals("lorem")) {
            return words(LOREM, max.canConvertToLong() ? cap : LOREM_DEFAULT_TOKENS, LOREM_MAX_WORDS);
        }
        String last = "";
        for (JsonNode message : request.body().path("messages")) {
            if (message.path("role").asText().equals("user")) {
                last = message.path("content").isTextual() ? message.path("content").asText()
                        : message.path("content").path(0).path("text").asText("");
            }
        }
        String[] words = last.split(" ");
        return TokenEstimate.text(last) <= cap ? last : words(words, cap, words.length);
    }

    /** The first of {@code count} words (the list repeated) that fit in {@code tokens}. */
    private static String words(String[] words, long tokens, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String next = (i == 0 ? "" : " ") + words[i % words.length];
            if (TokenEstimate.text(text + next) > tokens) {
                break;
            }
            text.append(next);
        }
        return text.toString();
    }

    private static TokenUsage usage(UpstreamRequest request, String reply) {
        return new TokenUsage(TokenEstimate.prompt(request.body().path("messages")), TokenEstimate.text(reply));
    }

    private static ObjectNode delta() {
        return JsonNodeFactory.instance.objectNode();
    }
}
