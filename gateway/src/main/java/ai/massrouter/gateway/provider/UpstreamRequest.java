package ai.massrouter.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A call as an adapter receives it: the client's OpenAI request body (never modified by the
 * adapter: it copies), the model's name at this upstream, the completion budget that was held for
 * it (Anthropic requires a {@code max_tokens}), and whether the catalog calls the model a reasoning
 * model (OpenAI's refuse {@code max_tokens} and take {@code max_completion_tokens}).
 */
public record UpstreamRequest(ObjectNode body, String upstreamModel, boolean stream, int maxTokens,
                              boolean reasoningModel) {

    public UpstreamRequest(ObjectNode body, String upstreamModel, boolean stream, int maxTokens) {
        this(body, upstreamModel, stream, maxTokens, false);
    }
}
