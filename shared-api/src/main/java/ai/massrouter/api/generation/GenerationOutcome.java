package ai.massrouter.api.generation;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How a gateway call ended: {@code COMPLETED} (answered whole, charged), {@code CANCELLED} (the
 * client left; what was delivered, or the estimate, is charged), {@code INTERRUPTED} (the upstream
 * failed after output reached the client; charged as delivered), {@code FAILED} (no output; the hold
 * was released).
 */
public enum GenerationOutcome {
    COMPLETED, CANCELLED, INTERRUPTED, FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
