package ai.massrouter.command.gateway;

import ai.massrouter.command.gateway.provider.ChatChunk;
import ai.massrouter.command.gateway.provider.TokenUsage;
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

    static ObjectNode completion(GatewayCall call, ObjectNode upstream, TokenUsage usage) {
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
        usage(reported, usage);
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
    static ObjectNode usageChunk(GatewayCall call, TokenUsage usage) {
        ObjectNode body = header(call);
        body.putArray("choices");
        usage(body.putObject("usage"), usage);
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

    private static void usage(ObjectNode target, TokenUsage usage) {
        target.put("prompt_tokens", usage.promptTokens());
        target.put("completion_tokens", usage.completionTokens());
        target.put("total_tokens", usage.totalTokens());
    }
}
