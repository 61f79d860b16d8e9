package ai.massrouter.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * A refund of a payment ({@code refund_...}), unique within its payment. The account's debit for it
 * is the operation ({@code payment_refund}, {@code <payment id>:<refund id>}), an origin no client
 * writes to. Written as its bare string, as the events held it before it was typed. Beside
 * {@link PaymentId} in {@code common} because both the payment and the account name it.
 */
public record RefundId(String value) {

    public RefundId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static RefundId of(String value) {
        return new RefundId(value);
    }

    /**
     * The refund an administrator's request names: by its {@code Idempotency-Key} when it has one
     * (the same key refunds once), otherwise a new random one.
     */
    public static RefundId forRequest(String idempotencyKey) {
        return new RefundId("refund_" + (idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString()));
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
