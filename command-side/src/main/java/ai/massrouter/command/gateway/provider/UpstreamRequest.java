package ai.massrouter.command.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A call as an adapter receives it: the client's OpenAI request body (never modified by the
 * adapter: it copies), the model's name at this upstream, and the completion budget that was
 * held for it (Anthropic requires a {@code max_tokens}).
 */
public record UpstreamRequest(ObjectNode body, String upstreamModel, boolean stream, int maxTokens) {
}
