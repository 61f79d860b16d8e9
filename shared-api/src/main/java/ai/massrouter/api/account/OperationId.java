package ai.massrouter.api.account;

import ai.massrouter.api.common.DomainException;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The idempotency identity of an account operation: its origin and an id unique within it. Two
 * operations are the same only when both match, so {@code (usage, "settle:x")} and the settlement
 * of hold {@code x} are different operations.
 */
public record OperationId(OperationOrigin origin, String id) {

    /** What a client may choose as an id: 1 to 128 ASCII letters, digits and {@code . _ : -}. */
    public static final String CLIENT_ID_REGEX = "[A-Za-z0-9._:-]{1,128}";
    public static final Pattern CLIENT_ID = Pattern.compile(CLIENT_ID_REGEX);
    public static final String CLIENT_ID_RULE = "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -";

    public OperationId {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(id, "id");
    }

    public static OperationId of(OperationOrigin origin, String id) {
        return new OperationId(origin, id);
    }

    /** A client-chosen id, checked against {@link #CLIENT_ID}; refused with ERR_001 on {@code field}. */
    public static OperationId chosenByClient(OperationOrigin origin, String id, String field) {
        if (id == null || !CLIENT_ID.matcher(id).matches()) {
            throw DomainException.invalid(field, CLIENT_ID_RULE);
        }
        return new OperationId(origin, id);
    }

    @Override
    public String toString() {
        return origin.code() + "/" + id;
    }
}
