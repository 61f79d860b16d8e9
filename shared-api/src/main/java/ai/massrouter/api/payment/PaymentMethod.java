package ai.massrouter.api.payment;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a user pays: the wire names are those of the API document. */
public enum PaymentMethod {
    ALIPAY, WECHAT_PAY, STRIPE, BANK_TRANSFER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentMethod> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(value)).findFirst();
    }
}
