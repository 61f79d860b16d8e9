package ai.massrouter.query.payment;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.payment.PaymentMethod;
import ai.massrouter.api.payment.PaymentStatus;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The {@code status} and {@code method} filters of the payment lists, by their wire names; null when left out. */
final class PaymentFilters {

    private PaymentFilters() {
    }

    static PaymentStatus status(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(PaymentStatus.values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> DomainException.invalid("status", "must be one of " + Arrays.stream(
                        PaymentStatus.values()).map(PaymentStatus::wireName).collect(Collectors.joining(", "))));
    }

    static PaymentMethod method(String value) {
        if (value == null) {
            return null;
        }
        return PaymentMethod.fromWire(value).orElseThrow(() -> DomainException.invalid("method", "must be one of "
                + Arrays.stream(PaymentMethod.values()).map(PaymentMethod::wireName).collect(Collectors.joining(", "))));
    }
}
