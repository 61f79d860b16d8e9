package ai.massrouter.gateway;

import ai.massrouter.api.common.Money;
import ai.massrouter.gateway.provider.ChatChunk;
import ai.massrouter.gateway.provider.TokenUsage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the client receives, in OpenAI's shapes: every body and chunk carries the call's request
 * id as {@code id} and the catalog's model id as {@code model}, whichever upstream answered.
 */
final class OpenAiShapes {

    private OpenAiShapes() {
    }

    static ObjectNode completion(GatewayCall call, ObjectNode upstream, TokenUsage usage, Money cost) {
        ObjectNode body = upstream.deepCopy();
        body.put("id", call.requestId());
        body.put("object", "chat.completion");
        body.put("created", call.created());
        body.put("model", call.model().id());
        // fields OpenAI always sends (null or not) that some compatible upstreams leave out: strict SDKs expect them
        for (JsonNode choice : body.path("choices")) {
            if (choice instanceof ObjectNode c && !c.has("logprobs")) {
                c.putNull("logprobs");
            }
            if (choice.path("message") instanceof ObjectNode message && !message.has("refusal")) {
                message.putNull("refusal");
            }
        }
        ObjectNode reported = body.path("usage") instanceof ObjectNode u ? u : body.putObject("usage");
        usage(reported, usage, cost);
        return body;
    }

    /** An embeddings list: the catalog's model id, and the usage OpenAI shows for embeddings plus the cost. */
    static ObjectNode embeddings(GatewayCall call, ObjectNode upstream, TokenUsage usage, Money cost) {
        ObjectNode body = upstream.deepCopy();
        body.put("object", "list");
        body.put("model", call.model().id());
        ObjectNode reported = body.putObject("usage");
        reported.put("prompt_tokens", usage.promptTokens());
        reported.put("total_tokens", usage.promptTokens());
        reported.put("cost", cost.toDecimal());
        reported.put("currency", cost.currency());
        return body;
    }

    static ObjectNode chunk(GatewayCall call, ChatChunk chunk) {
        ObjectNode body = header(call);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", chunk.index());
        choice.set("delta", chunk.delta() == null ? JsonNodeFactory.instance.objectNode() : chunk.delta());
        if (chunk.finishReason() == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", chunk.finishReason());
        }
        return body;
    }

    /** The last chunk when the client set {@code stream_options.include_usage}: no choices, the usage charged. */
    static ObjectNode usageChunk(GatewayCall call, TokenUsage usage, Money cost) {
        ObjectNode body = header(call);
        body.putArray("choices");
        usage(body.putObject("usage"), usage, cost);
        return body;
    }

    static ObjectNode error(String message, String type, String code) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("message", message).put("type", type).putNull("param").put("code", code);
        return body;
    }

    private static ObjectNode header(GatewayCall call) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("id", call.requestId());
        body.put("object", "chat.completion.chunk");
        body.put("created", call.created());
        body.put("model", call.model().id());
        return body;
    }

    /**
     * The usage charged, in OpenAI's fields (cached prompt and reasoning tokens in their details) and,
     * as OpenRouter does, {@code cost}: what the ledger charged for the call, with its {@code currency}.
     */
    static void usage(ObjectNode target, TokenUsage usage, Money cost) {
        target.put("prompt_tokens", usage.promptTokens());
        target.put("completion_tokens", usage.completionTokens());
        target.put("total_tokens", usage.totalTokens());
        detail(target, "prompt_tokens_details").put("cached_tokens", usage.cachedPromptTokens());
        detail(target, "completion_tokens_details").put("reasoning_tokens", usage.reasoningTokens());
        if (cost != null) {
            target.put("cost", cost.toDecimal());
            target.put("currency", cost.currency());
        }
    }

    private static ObjectNode detail(ObjectNode usage, String field) {
        return usage.path(field) instanceof ObjectNode details ? details : usage.putObject(field);
    }
}
