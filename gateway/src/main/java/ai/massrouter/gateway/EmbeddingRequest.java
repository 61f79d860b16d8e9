package ai.massrouter.gateway;

import ai.massrouter.api.common.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code POST /v1/embeddings} body, checked for what the gateway relies on: the model, and the
 * input as OpenAI takes it (a string, an array of strings, an array of token ids or an array of such
 * arrays), at most {@link #MAX_INPUTS} inputs, none empty. {@code texts}: the inputs given as text;
 * {@code tokenCounts}: the length of each input given as token ids.
 */
public record EmbeddingRequest(ObjectNode body, String model, List<String> texts, List<Integer> tokenCounts) {

    /** OpenAI's own bound on the inputs of one request. */
    static final int MAX_INPUTS = 2048;

    public static EmbeddingRequest of(JsonNode json) {
        if (!(json instanceof ObjectNode body)) {
            throw DomainException.invalid("body", "must be a JSON object");
        }
        if (!body.path("model").isTextual() || body.path("model").asText().isBlank()) {
            throw DomainException.invalid("model", "is required");
        }
        JsonNode input = body.path("input");
        List<String> texts = new ArrayList<>();
        List<Integer> tokens = new ArrayList<>();
        if (input.isTextual()) {
            texts.add(input.asText());
        } else if (input.isArray() && !input.isEmpty() && input.size() <= MAX_INPUTS) {
            if (input.get(0).isIntegralNumber()) {
                tokens.add(tokenIds(input));
            } else {
                for (JsonNode item : input) {
                    if (item.isTextual()) {
                        texts.add(item.asText());
                    } else if (item.isArray()) {
                        tokens.add(tokenIds(item));
                    } else {
                        throw invalidInput();
                    }
                }
            }
        } else {
            throw invalidInput();
        }
        if (texts.stream().anyMatch(String::isEmpty)) {
            throw DomainException.invalid("input", "must not contain an empty string");
        }
        JsonNode dimensions = body.path("dimensions");
        if (!dimensions.isMissingNode() && !dimensions.isNull()
                && (!dimensions.isIntegralNumber() || dimensions.asLong() < 1 || dimensions.asLong() > 65_536)) {
            throw DomainException.invalid("dimensions", "must be a positive integer");
        }
        return new EmbeddingRequest(body, body.path("model").asText(), List.copyOf(texts), List.copyOf(tokens));
    }

    private static int tokenIds(JsonNode ids) {
        if (ids.isEmpty()) {
            throw invalidInput();
        }
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() || id.asLong() < 0) {
                throw invalidInput();
            }
        }
        return ids.size();
    }

    private static DomainException invalidInput() {
        return DomainException.invalid("input", "must be a string, an array of 1 to " + MAX_INPUTS
                + " strings, an array of token ids or an array of such arrays");
    }
}
