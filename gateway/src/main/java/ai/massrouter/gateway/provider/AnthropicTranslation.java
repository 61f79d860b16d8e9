package ai.massrouter.gateway.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI Chat Completions ⇄ Anthropic Messages. System messages become {@code system}; text and
 * image-URL parts become content blocks (a data URL a base64 image); {@code stop} becomes {@code stop_sequences}; the answer's
 * text blocks become the message content and {@code stop_reason} a {@code finish_reason}.
 * Tools both ways: {@code tools} and {@code tool_choice} become Anthropic's, an assistant's
 * {@code tool_calls} {@code tool_use} blocks, {@code tool} messages {@code tool_result} blocks (consecutive
 * ones in one user turn), and the answer's {@code tool_use} blocks {@code tool_calls} again; thinking
 * blocks become {@code reasoning_content}.
 */
final class AnthropicTranslation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicTranslation() {
    }

    static ObjectNode request(UpstreamRequest request) {
        JsonNode in = request.body();
        ObjectNode out = NODES.objectNode();
        out.put("model", request.upstreamModel());
        out.put("max_tokens", request.maxTokens());
        StringBuilder system = new StringBuilder();
        ArrayNode messages = out.putArray("messages");
        ObjectNode toolResults = null;
        for (JsonNode message : in.path("messages")) {
            String role = message.path("role").asText();
            if (role.equals("system") || role.equals("developer")) {
                system.append(system.isEmpty() ? "" : "\n\n").append(text(message.path("content")));
                continue;
            }
            if (role.equals("tool")) {
                if (toolResults == null) {
                    toolResults = messages.addObject().put("role", "user");
                    toolResults.putArray("content");
                }
                ((ArrayNode) toolResults.get("content")).addObject().put("type", "tool_result")
                        .put("tool_use_id", message.path("tool_call_id").asText())
                        .put("content", text(message.path("content")));
                continue;
            }
            toolResults = null;
            ObjectNode translated = messages.addObject();
            translated.put("role", role.equals("assistant") ? "assistant" : "user");
            if (role.equals("assistant") && message.path("tool_calls").isArray() && !message.path("tool_calls").isEmpty()) {
                translated.set("content", toolUses(message));
            } else {
                translated.set("content", content(message.path("content")));
            }
        }
        tools(in, out);
        if (!system.isEmpty()) {
            out.put("system", system.toString());
        }
        if (!thinking(in, out, request.maxTokens())) {
            copy(in, "temperature", out, "temperature");
            copy(in, "top_p", out, "top_p");
        }
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

    /**
     * OpenAI's {@code reasoning_effort} as Anthropic's extended thinking: a thinking budget of 1,024
     * (low), 4,096 (medium) or 16,384 (high) tokens, inside the held {@code max_tokens} (Anthropic counts
     * thinking as output) and never below its minimum of 1,024; too small a cap leaves thinking off.
     * With thinking on, Anthropic refuses a temperature or top_p other than its own.
     */
    private static boolean thinking(JsonNode in, ObjectNode out, int maxTokens) {
        int budget = switch (in.path("reasoning_effort").asText("")) {
            case "minimal", "low" -> 1024;
            case "medium" -> 4096;
            case "high" -> 16_384;
            default -> 0;
        };
        budget = Math.min(budget, maxTokens - 1);
        if (budget < 1024) {
            return false;
        }
        out.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
        return true;
    }

    /** OpenAI's function tools as Anthropic's, and {@code tool_choice} / {@code parallel_tool_calls} as its tool choice. */
    private static void tools(JsonNode in, ObjectNode out) {
        if (in.path("tools").isArray() && !in.path("tools").isEmpty()) {
            ArrayNode tools = out.putArray("tools");
            for (JsonNode tool : in.path("tools")) {
                JsonNode function = tool.path("function");
                ObjectNode translated = tools.addObject().put("name", function.path("name").asText());
                if (function.path("description").isTextual()) {
                    translated.put("description", function.path("description").asText());
                }
                translated.set("input_schema", function.path("parameters").isObject()
                        ? function.path("parameters").deepCopy() : NODES.objectNode().put("type", "object"));
            }
        }
        JsonNode choice = in.path("tool_choice");
        ObjectNode translated = null;
        if (choice.isTextual()) {
            translated = NODES.objectNode().put("type", switch (choice.asText()) {
                case "required" -> "any";
                case "none" -> "none";
                default -> "auto";
            });
        } else if (choice.path("function").path("name").isTextual()) {
            translated = NODES.objectNode().put("type", "tool").put("name", choice.path("function").path("name").asText());
        }
        if (in.path("parallel_tool_calls").isBoolean() && !in.path("parallel_tool_calls").asBoolean()
                && out.has("tools")) {
            translated = translated == null ? NODES.objectNode().put("type", "auto") : translated;
            if (!translated.path("type").asText().equals("none")) {
                translated.put("disable_parallel_tool_use", true);
            }
        }
        if (translated != null && out.has("tools")) {
            out.set("tool_choice", translated);
        }
    }

    /** An assistant turn that called tools: its text, then one {@code tool_use} block per call (arguments parsed). */
    private static ArrayNode toolUses(JsonNode message) {
        ArrayNode blocks = NODES.arrayNode();
        String text = text(message.path("content"));
        if (!text.isEmpty()) {
            blocks.addObject().put("type", "text").put("text", text);
        }
        for (JsonNode call : message.path("tool_calls")) {
            ObjectNode use = blocks.addObject().put("type", "tool_use").put("id", call.path("id").asText())
                    .put("name", call.path("function").path("name").asText());
            use.set("input", arguments(call.path("function").path("arguments").asText("")));
        }
        return blocks;
    }

    /** A call's arguments, which OpenAI carries as JSON text: an object, or an empty one when they are not. */
    private static JsonNode arguments(String json) {
        try {
            JsonNode parsed = JSON.readTree(json);
            return parsed != null && parsed.isObject() ? parsed : NODES.objectNode();
        } catch (JsonProcessingException e) {
            return NODES.objectNode();
        }
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
        StringBuilder thinking = new StringBuilder();
        ArrayNode calls = NODES.arrayNode();
        for (JsonNode block : message.path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> text.append(block.path("text").asText());
                case "thinking" -> thinking.append(block.path("thinking").asText());
                case "tool_use" -> calls.addObject().put("id", block.path("id").asText()).put("type", "function")
                        .putObject("function").put("name", block.path("name").asText())
                        .put("arguments", block.path("input").isMissingNode() ? "{}" : block.path("input").toString());
                default -> {
                    // redacted thinking, server tool results: nothing OpenAI's shape can carry
                }
            }
        }
        if (calls.isEmpty() || !text.isEmpty()) {
            reply.put("content", text.toString());
        } else {
            reply.putNull("content");
        }
        if (!thinking.isEmpty()) {
            reply.put("reasoning_content", thinking.toString());
        }
        if (!calls.isEmpty()) {
            reply.set("tool_calls", calls);
        }
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
        long cacheRead = usage.path("cache_read_input_tokens").asLong(0);
        long prompt = usage.path("input_tokens").asLong() + usage.path("cache_creation_input_tokens").asLong(0)
                + cacheRead;
        return new TokenUsage(prompt, usage.path("output_tokens").asLong(), cacheRead, 0);
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
