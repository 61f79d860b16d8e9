package ai.massrouter.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A user's opaque id ({@code usr_...}); its string form is the aggregate identifier. */
public record UserId(String value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static UserId of(String value) {
        return new UserId(value);
    }

    public static UserId generate() {
        return new UserId("usr_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
