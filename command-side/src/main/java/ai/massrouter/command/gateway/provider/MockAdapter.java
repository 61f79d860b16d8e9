package ai.massrouter.command.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The built-in offline provider: no network, the same answer and token counts for the same
 * request. {@code echo} answers with the last user message; {@code lorem} with {@code max_tokens}
 * words of lorem ipsum (16 when unset, at most 512). Counts follow {@link TokenEstimate}.
 */
public final class MockAdapter implements ProviderAdapter {

    public static final String NAME = "mock";
    static final int LOREM_DEFAULT_WORDS = 16;
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

    private static String reply(UpstreamRequest request) {
        if (request.upstreamModel().equals("lorem")) {
            JsonNode max = request.body().has("max_completion_tokens") ? request.body().path("max_completion_tokens")
                    : request.body().path("max_tokens");
            int words = Math.min(max.canConvertToInt() ? max.asInt() : LOREM_DEFAULT_WORDS, LOREM_MAX_WORDS);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < words; i++) {
                text.append(i == 0 ? "" : " ").append(LOREM[i % LOREM.length]);
            }
            return text.toString();
        }
        String last = "";
        for (JsonNode message : request.body().path("messages")) {
            if (message.path("role").asText().equals("user")) {
                last = message.path("content").isTextual() ? message.path("content").asText()
                        : message.path("content").path(0).path("text").asText("");
            }
        }
        return last;
    }

    private static TokenUsage usage(UpstreamRequest request, String reply) {
        return new TokenUsage(TokenEstimate.prompt(request.body().path("messages")), TokenEstimate.text(reply));
    }

    private static ObjectNode delta() {
        return JsonNodeFactory.instance.objectNode();
    }
}
