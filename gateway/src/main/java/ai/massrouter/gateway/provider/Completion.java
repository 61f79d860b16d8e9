package ai.massrouter.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A whole answer as an OpenAI {@code chat.completion} body, and the usage the upstream reported
 * ({@code null} when it reported none: the gateway then counts).
 */
public record Completion(ObjectNode body, TokenUsage usage) {
}
