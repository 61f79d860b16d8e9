package ai.massrouter.gateway;

import ai.massrouter.api.common.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@code POST /v1/chat/completions} body, checked for what the gateway relies on (the rest is
 * the upstream's to judge). {@code maxTokens} is the client's completion cap
 * ({@code max_completion_tokens}, else {@code max_tokens}), null when it set none; {@code choices} is
 * {@code n}, the number of answers asked for (each may use the whole cap).
 */
public record ChatRequest(ObjectNode body, String model, boolean stream, boolean includeUsage, Integer maxTokens,
                          int choices) {

    static final int MAX_TOKENS_LIMIT = 10_000_000;
    /** OpenAI's own bound on {@code n}. */
    static final int MAX_CHOICES = 128;

    public static ChatRequest of(JsonNode json) {
        if (!(json instanceof ObjectNode body)) {
            throw DomainException.invalid("body", "must be a JSON object");
        }
        if (!body.path("model").isTextual() || body.path("model").asText().isBlank()) {
            throw DomainException.invalid("model", "is required");
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw DomainException.invalid("messages", "must be a non-empty array");
        }
        for (int i = 0; i < messages.size(); i++) {
            if (!messages.get(i).path("role").isTextual()) {
                throw DomainException.invalid("messages[" + i + "].role", "is required");
            }
        }
        boolean stream = flag(body, "stream");
        boolean includeUsage = stream && body.path("stream_options").path("include_usage").asBoolean(false);
        Integer maxTokens = tokens(body, "max_completion_tokens");
        return new ChatRequest(body, body.path("model").asText(), stream, includeUsage,
                maxTokens != null ? maxTokens : tokens(body, "max_tokens"), choices(body));
    }

    private static int choices(JsonNode body) {
        JsonNode n = body.path("n");
        if (n.isMissingNode() || n.isNull()) {
            return 1;
        }
        if (!n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > MAX_CHOICES) {
            throw DomainException.invalid("n", "must be an integer from 1 to " + MAX_CHOICES);
        }
        return n.asInt();
    }

    private static boolean flag(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw DomainException.invalid(field, "must be a boolean");
        }
        return value.asBoolean();
    }

    private static Integer tokens(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > MAX_TOKENS_LIMIT) {
            throw DomainException.invalid(field, "must be an integer from 1 to " + MAX_TOKENS_LIMIT);
        }
        return value.asInt();
    }
}
