package ai.massrouter.api.generation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** A gateway call's record, named by the call's request id ({@code chatcmpl-...}, {@code embd-...}). */
public record GenerationId(String value) {

    public GenerationId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static GenerationId of(String value) {
        return new GenerationId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
