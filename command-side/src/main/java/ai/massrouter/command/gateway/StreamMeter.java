package ai.massrouter.command.gateway;

import ai.massrouter.command.gateway.provider.TokenEstimate;
import ai.massrouter.command.gateway.provider.TokenUsage;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a stream has cost so far: the usage the upstream reported, when it did, else the prompt
 * estimate plus the text actually delivered to the client, counted by {@link TokenEstimate}.
 */
final class StreamMeter {

    private final long promptEstimate;
    private final StringBuilder delivered = new StringBuilder();
    private TokenUsage reported;

    StreamMeter(long promptEstimate) {
        this.promptEstimate = promptEstimate;
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
        return reported != null ? reported : new TokenUsage(promptEstimate, TokenEstimate.text(delivered));
    }
}
