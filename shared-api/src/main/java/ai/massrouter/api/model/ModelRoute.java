package ai.massrouter.api.model;

/**
 * One way to serve a model: a provider (a configured upstream such as {@code openai},
 * {@code anthropic} or the built-in {@code mock}) and the model's name there. A model's routes
 * are tried in order.
 */
public record ModelRoute(String provider, String upstreamModel) {
}
