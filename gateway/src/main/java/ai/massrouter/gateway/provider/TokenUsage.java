package ai.massrouter.gateway.provider;

/**
 * Tokens of one call, as the upstream reported them or as counted. {@code cachedPromptTokens} are
 * part of {@code promptTokens} (read from the upstream's prompt cache), {@code reasoningTokens} part
 * of {@code completionTokens} (a reasoning model's thinking, charged as output), as OpenAI counts them.
 */
public record TokenUsage(long promptTokens, long completionTokens, long cachedPromptTokens, long reasoningTokens) {

    public TokenUsage(long promptTokens, long completionTokens) {
        this(promptTokens, completionTokens, 0, 0);
    }

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
