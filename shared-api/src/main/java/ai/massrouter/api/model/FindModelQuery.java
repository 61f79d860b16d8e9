package ai.massrouter.api.model;

/** Answered by a {@link ModelView}, or nothing when the catalog has no such model. */
public record FindModelQuery(ModelId modelId) {
}
