package ai.massrouter.api.payment;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * {@code succeeded} stays while a payment is partly refunded; {@code refunded} means all of it went back.
 * {@code expired} can still become {@code succeeded}: a late success means the money was taken.
 */
public enum PaymentStatus {
    PENDING, SUCCEEDED, FAILED, EXPIRED, REFUNDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
