package ai.massrouter.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * A refresh token's id: a random UUID made by the server each time it issues a session's refresh
 * token (the token's signed {@code jti}), never chosen by a client. The user aggregate keeps the
 * session's current one; a refresh that presents another is a reuse. Written as its bare string,
 * as the events held it before it was typed.
 */
public record RefreshTokenId(String value) {

    public RefreshTokenId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static RefreshTokenId of(String value) {
        return new RefreshTokenId(value);
    }

    public static RefreshTokenId generate() {
        return new RefreshTokenId(UUID.randomUUID().toString());
    }

    /** The string form of a token id that may be absent (a registration without a login has none). */
    public static String valueOf(RefreshTokenId id) {
        return id == null ? null : id.value();
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
