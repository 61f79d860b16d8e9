package ai.massrouter.command.payment;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.payment.PaymentMethod;

import java.util.Map;

/** The refusals every provider shares, worded once. */
final class ProviderErrors {

    private ProviderErrors() {
    }

    static DomainException notConfigured(PaymentMethod method, String settings) {
        return new DomainException(ErrorCode.ERR_001, "Payment method " + method.wireName()
                + " is not configured on this server: set " + settings,
                Map.of("payment_method", "not configured (set " + settings + ")"));
    }

    static DomainException cnyOnly(PaymentMethod method, String currency) {
        return new DomainException(ErrorCode.ERR_001, method.wireName() + " collects CNY only, not " + currency,
                Map.of("currency", method.wireName() + " collects CNY only"));
    }

    /** The provider did not open the order: nothing was created on our side. */
    static DomainException unavailable(PaymentMethod method, String why) {
        return new DomainException(ErrorCode.BILL_002, "The payment provider " + method.wireName()
                + " could not open the order: " + why, Map.of("payment_method", "provider refused or unreachable"));
    }
}
