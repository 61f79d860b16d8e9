package ai.massrouter.api.account;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a transaction did to a balance: a top-up, usage, a refund (either way), an admin adjustment,
 * a redeemed code or the sign-up credit.
 */
public enum TransactionType {
    PAYMENT, CONSUMPTION, REFUND, ADJUSTMENT, REDEMPTION, SIGNUP_CREDIT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
