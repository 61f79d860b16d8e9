package ai.massrouter.command.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI Chat Completions ⇄ Anthropic Messages. System messages become {@code system}; text and
 * image-URL parts become content blocks (a data URL a base64 image); {@code stop} becomes {@code stop_sequences}; the answer's
 * text blocks become the message content and {@code stop_reason} a {@code finish_reason}.
 * Tool calls are not translated (a tool message is passed as user text).
 */
final class AnthropicTranslation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnthropicTranslation() {
    }

    static ObjectNode request(UpstreamRequest request) {
        JsonNode in = request.body();
        ObjectNode out = NODES.objectNode();
        out.put("model", request.upstreamModel());
        out.put("max_tokens", request.maxTokens());
        StringBuilder system = new StringBuilder();
        ArrayNode messages = out.putArray("messages");
        for (JsonNode message : in.path("messages")) {
            String role = message.path("role").asText();
            if (role.equals("system") || role.equals("developer")) {
                system.append(system.isEmpty() ? "" : "\n\n").append(text(message.path("content")));
                continue;
            }
            ObjectNode translated = messages.addObject();
            translated.put("role", role.equals("assistant") ? "assistant" : "user");
            translated.set("content", content(message.path("content")));
        }
        if (!system.isEmpty()) {
            out.put("system", system.toString());
        }
        copy(in, "temperature", out, "temperature");
        copy(in, "top_p", out, "top_p");
        if (in.path("stop").isTextual()) {
            out.putArray("stop_sequences").add(in.path("stop").asText());
        } else if (in.path("stop").isArray()) {
            out.set("stop_sequences", in.path("stop").deepCopy());
        }
        if (in.path("user").isTextual()) {
            out.putObject("metadata").put("user_id", in.path("user").asText());
        }
        out.put("stream", request.stream());
        return out;
    }

    /** An Anthropic message as an OpenAI {@code chat.completion}. */
    static ObjectNode completion(JsonNode message) {
        ObjectNode out = NODES.objectNode();
        out.put("id", message.path("id").asText());
        out.put("object", "chat.completion");
        out.put("model", message.path("model").asText());
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode reply = choice.putObject("message");
        reply.put("role", "assistant");
        StringBuilder text = new StringBuilder();
        for (JsonNode block : message.path("content")) {
            if (block.path("type").asText().equals("text")) {
                text.append(block.path("text").asText());
            }
        }
        reply.put("content", text.toString());
        choice.put("finish_reason", finishReason(message.path("stop_reason").asText(null)));
        TokenUsage usage = usage(message.path("usage"));
        if (usage != null) {
            ObjectNode u = out.putObject("usage");
            u.put("prompt_tokens", usage.promptTokens());
            u.put("completion_tokens", usage.completionTokens());
            u.put("total_tokens", usage.totalTokens());
        }
        return out;
    }

    static String finishReason(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    /** Prompt tokens include the cached ones: they were part of the prompt, whatever Anthropic bills for them. */
    static TokenUsage usage(JsonNode usage) {
        if (!usage.path("input_tokens").canConvertToLong() || !usage.path("output_tokens").canConvertToLong()) {
            return null;
        }
        long prompt = usage.path("input_tokens").asLong() + usage.path("cache_creation_input_tokens").asLong(0)
                + usage.path("cache_read_input_tokens").asLong(0);
        return new TokenUsage(prompt, usage.path("output_tokens").asLong());
    }

    private static JsonNode content(JsonNode content) {
        if (!content.isArray()) {
            return NODES.textNode(text(content));
        }
        ArrayNode blocks = NODES.arrayNode();
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if (type.equals("text")) {
                blocks.addObject().put("type", "text").put("text", part.path("text").asText());
            } else if (type.equals("image_url")) {
                blocks.add(image(part.path("image_url").path("url").asText()));
            }
        }
        return blocks;
    }

    /** OpenAI takes an image as a URL or a base64 data URL; Anthropic takes the latter only as a base64 source. */
    private static ObjectNode image(String url) {
        ObjectNode image = NODES.objectNode().put("type", "image");
        int comma = url.indexOf(',');
        if (url.startsWith("data:") && comma > 0 && url.substring(0, comma).endsWith(";base64")) {
            image.putObject("source").put("type", "base64").put("media_type", url.substring(5, comma - 7))
                    .put("data", url.substring(comma + 1));
        } else {
            image.putObject("source").put("type", "url").put("url", url);
        }
        return image;
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("type").asText().equals("text")) {
                text.append(part.path("text").asText());
            }
        }
        return text.toString();
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        if (from.hasNonNull(field)) {
            to.set(as, from.get(field).deepCopy());
        }
    }
}
