package ai.massrouter.gateway.provider;

/**
 * One upstream ({@code massrouter.gateway.providers.<name>.*}). It serves routes only when it has
 * a base URL and, unless {@code requiresKey} is false (a local vLLM or Ollama), an API key: a
 * provider left unconfigured is skipped, so the catalog's routes fall through to the next one.
 * {@code legacyMaxTokens}: the upstream knows {@code max_tokens} only, also for reasoning models.
 */
public record ProviderProperties(String baseUrl, String apiKey, ProviderKind kind, Boolean requiresKey,
                                 Boolean legacyMaxTokens) {

    public ProviderProperties {
        kind = kind == null ? ProviderKind.OPENAI : kind;
        requiresKey = requiresKey == null || requiresKey;
        legacyMaxTokens = legacyMaxTokens != null && legacyMaxTokens;
    }

    public boolean configured() {
        return baseUrl != null && !baseUrl.isBlank() && (!requiresKey || (apiKey != null && !apiKey.isBlank()));
    }

    /** The base URL without a trailing slash, so paths can be appended as they are documented. */
    public String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
