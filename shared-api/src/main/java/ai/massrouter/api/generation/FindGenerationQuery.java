package ai.massrouter.api.generation;

/** A gateway call's record; answered with a {@link GenerationView}, or null when none is there (yet). */
public record FindGenerationQuery(GenerationId generationId) {
}
