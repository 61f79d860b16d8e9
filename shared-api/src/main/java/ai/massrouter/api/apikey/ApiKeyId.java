package ai.massrouter.api.apikey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** An API key's public id ({@code key_...}); never the secret. */
public record ApiKeyId(String value) {

    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static ApiKeyId of(String value) {
        return new ApiKeyId(value);
    }

    /** The string form of a key id that may be absent (a call through a login session has none). */
    public static String valueOf(ApiKeyId id) {
        return id == null ? null : id.value();
    }

    public static ApiKeyId generate() {
        return new ApiKeyId("key_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
