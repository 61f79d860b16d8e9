package ai.massrouter.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An embeddings answer as an OpenAI {@code list} body, and the prompt tokens the upstream reported
 * ({@code null} when it reported none: the gateway then counts).
 */
public record EmbeddingResult(ObjectNode body, Long promptTokens) {
}
