package ai.massrouter.gateway;

import ai.massrouter.gateway.provider.TokenCounter;
import ai.massrouter.gateway.provider.TokenEstimate;
import ai.massrouter.gateway.provider.TokenUsage;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a stream has cost so far: the usage the upstream reported, when it did, else the prompt
 * estimate plus the text actually delivered to the client (content, reasoning, tool-call arguments:
 * {@link TokenEstimate#deltaText}), counted by the call's {@link TokenCounter}.
 */
final class StreamMeter {

    private final long promptEstimate;
    private final TokenCounter counter;
    private final StringBuilder delivered = new StringBuilder();
    private TokenUsage reported;

    StreamMeter(GatewayCall call) {
        this.promptEstimate = call.promptEstimate();
        this.counter = call.tokens();
    }

    void reported(TokenUsage usage) {
        if (usage != null) {
            reported = usage;
        }
    }

    void delivered(JsonNode delta) {
        delivered.append(TokenEstimate.deltaText(delta));
    }

    boolean producedOutput() {
        return reported != null || !delivered.isEmpty();
    }

    TokenUsage usage() {
        return reported != null ? reported : new TokenUsage(promptEstimate, counter.text(delivered));
    }
}
