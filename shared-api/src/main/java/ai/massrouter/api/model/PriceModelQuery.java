package ai.massrouter.api.model;

/**
 * The catalog entry a call is priced at: what the model's own events say at this moment on this
 * node (not the eventually consistent read model), so an admin's price or status change applies to
 * the very next call on every node. Answered by a {@link ModelView} ({@code popularity} 0), or
 * nothing when the catalog has no such model.
 */
public record PriceModelQuery(ModelId modelId) {
}
