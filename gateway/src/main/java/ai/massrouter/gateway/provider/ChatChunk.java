package ai.massrouter.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One streamed piece in OpenAI's terms: the {@code delta} of choice {@code index} (may be
 * null), its {@code finishReason} when it ends, and the usage when the upstream reports it.
 */
public record ChatChunk(int index, ObjectNode delta, String finishReason, TokenUsage usage) {

    public static ChatChunk usageOnly(TokenUsage usage) {
        return new ChatChunk(0, null, null, usage);
    }

    public boolean hasChoice() {
        return delta != null || finishReason != null;
    }
}
