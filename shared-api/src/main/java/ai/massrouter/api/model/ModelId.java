package ai.massrouter.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A catalog id such as {@code openai/gpt-4o-mini}: provider, slash, model name. Messages name a
 * model by it (the catalog's commands and events, usage, generations, the model queries); JSON
 * writes and reads the bare {@link #value()}, so the events that held a String read the same.
 * {@link #toString()} is not the catalog id but the model's aggregate identifier
 * ({@code model:openai/gpt-4o-mini}): Axon names an aggregate's event stream by its identifier's
 * {@code toString()}, and the catalog's streams were written under that name. Wherever the
 * catalog id is meant (SQL, text, a map for JSON), take {@link #value()} or {@link #valueOf}.
 * Wrapping a string checks nothing: a client's model name is checked where it enters
 * ({@link #isValid}) or simply not found.
 */
public record ModelId(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[a-z0-9][a-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._:-]*$");

    public ModelId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static ModelId of(String value) {
        return new ModelId(value);
    }

    /** The catalog id of a model that may be absent, or null. */
    public static String valueOf(ModelId id) {
        return id == null ? null : id.value();
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= 128 && SHAPE.matcher(value).matches();
    }

    /** The aggregate identifier: prefixed, because all aggregates share one key space in the event store. */
    public String aggregateId() {
        return "model:" + value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return aggregateId();
    }
}
