package ai.massrouter.command.gateway.provider;

/** Prompt and completion tokens of one call, as the upstream reported them or as counted. */
public record TokenUsage(long promptTokens, long completionTokens) {

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
