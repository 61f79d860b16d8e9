package ai.massrouter.api.payment;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

public enum RefundState {
    REQUESTED, REFUNDED, DECLINED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
