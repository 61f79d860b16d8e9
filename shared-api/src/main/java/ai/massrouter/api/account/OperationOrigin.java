package ai.massrouter.api.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where an account operation's id comes from. The ledger's idempotency key is (account, origin,
 * id): an id chosen by a client lives only in {@link #USAGE} (or an administrator's in
 * {@link #ADJUSTMENT}) and can never name an operation the server derives for itself, whatever
 * characters it holds. Each command of the account has exactly one origin.
 */
public enum OperationOrigin {
    /** A call metered through {@code POST /billing/usage}: the client's {@code request_id}. */
    USAGE,
    /** The hold of a gateway call: the server's request id. */
    HOLD,
    /** The settlement of a hold, named by the hold's id. */
    SETTLEMENT,
    /** The release of a hold, named by the hold's id. */
    RELEASE,
    /** The credit of a succeeded payment: the payment id. */
    TOPUP,
    /** The debit of a payment refund: {@code <payment id>:<refund id>}. */
    PAYMENT_REFUND,
    /** The refund of a usage charge: {@code <charge origin>:<charge id>}, once per charge. */
    USAGE_REFUND,
    /** An administrator's adjustment: the admin's {@code Idempotency-Key}, or a random id. */
    ADJUSTMENT,
    /** The credit of a redemption code: the code's id. */
    REDEMPTION,
    /** The sign-up credit of a new account: the account id. */
    SIGNUP_CREDIT;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OperationOrigin ofCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown operation origin " + code));
    }
}
