package ai.massrouter.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** A catalog id such as {@code openai/gpt-4o-mini}: provider, slash, model name. */
public record ModelId(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[a-z0-9][a-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._:-]*$");

    public ModelId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static ModelId of(String value) {
        return new ModelId(value);
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
