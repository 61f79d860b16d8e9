package ai.massrouter.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * A hold's id: the request id of the gateway call it reserves for ({@code chatcmpl-...},
 * {@code embd-...}), made by the server, never by a client. It is the idempotency id of the hold,
 * its settlement and its release, each in an origin of its own no client can write to (see
 * {@link OperationOrigin}). Written as its bare string, as the events held it before it was typed.
 */
public record HoldId(String value) {

    public HoldId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static HoldId of(String value) {
        return new HoldId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
