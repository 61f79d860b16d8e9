package ai.massrouter.gateway.provider;

/** The wire protocol an upstream speaks: OpenAI's Chat Completions or Anthropic's Messages. */
public enum ProviderKind {
    OPENAI, ANTHROPIC
}
