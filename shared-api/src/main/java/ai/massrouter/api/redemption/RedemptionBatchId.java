package ai.massrouter.api.redemption;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * A batch of redemption codes' id: {@code rcb_} and a random UUID's hex, made by the server when an
 * administrator issues the batch, never chosen by a client. Written as its bare string, as the
 * events held it before it was typed.
 */
public record RedemptionBatchId(String value) {

    public RedemptionBatchId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static RedemptionBatchId of(String value) {
        return new RedemptionBatchId(value);
    }

    public static RedemptionBatchId generate() {
        return new RedemptionBatchId("rcb_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** The string form of a batch id that may be absent. */
    public static String valueOf(RedemptionBatchId id) {
        return id == null ? null : id.value();
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
