package ai.massrouter.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * What an account operation did to the money ({@link AccountOperationResult#kind()}). Its
 * {@link #code()} (the lowercase name: {@code charge}, {@code settle}, {@code signup_credit}, ...)
 * is what the ledger table {@code account_operation.kind} stores and what JSON carries.
 */
public enum MovementKind {
    /** A succeeded payment credited. */
    TOPUP,
    /** A redemption code credited. */
    REDEMPTION,
    /** The sign-up credit of a new account. */
    SIGNUP_CREDIT,
    /** A metered call charged. */
    CHARGE,
    /** Funds held for a gateway call. */
    HOLD,
    /** A hold settled: the call's cost charged, the rest given back. */
    SETTLE,
    /** A hold released whole. */
    RELEASE,
    /** A usage charge refunded. */
    REFUND,
    /** A payment refund debited. */
    PAYMENT_REFUND,
    /** An administrator's adjustment. */
    ADJUSTMENT;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MovementKind ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown movement kind " + code));
    }

    /** The credit of {@code origin}, one of {@link CreditAccountCommand}'s two. */
    public static MovementKind creditOf(OperationOrigin origin) {
        return switch (origin) {
            case REDEMPTION -> REDEMPTION;
            case SIGNUP_CREDIT -> SIGNUP_CREDIT;
            default -> throw new IllegalArgumentException("No account credit comes from " + origin.code());
        };
    }
}
