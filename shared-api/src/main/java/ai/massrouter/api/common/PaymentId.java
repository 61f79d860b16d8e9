package ai.massrouter.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A payment order's opaque id ({@code pay_...}); providers carry it back to us in their notifications. */
public record PaymentId(String value) {

    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    public static PaymentId generate() {
        return new PaymentId("pay_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
