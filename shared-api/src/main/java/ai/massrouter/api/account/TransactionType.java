package ai.massrouter.api.account;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a transaction did to a balance: a top-up, usage, a refund (either way) or an admin adjustment. */
public enum TransactionType {
    PAYMENT, CONSUMPTION, REFUND, ADJUSTMENT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
