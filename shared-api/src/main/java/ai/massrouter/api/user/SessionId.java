package ai.massrouter.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * A login session's id: a random UUID made by the server when the session opens, carried in the
 * session's refresh tokens (signed, claim {@code sid}), never chosen by a client. Written as its
 * bare string, as the events held it before it was typed.
 */
public record SessionId(String value) {

    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static SessionId of(String value) {
        return new SessionId(value);
    }

    public static SessionId generate() {
        return new SessionId(UUID.randomUUID().toString());
    }

    /** The string form of a session id that may be absent (a registration without a login has none). */
    public static String valueOf(SessionId id) {
        return id == null ? null : id.value();
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
