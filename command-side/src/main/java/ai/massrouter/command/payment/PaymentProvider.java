package ai.massrouter.command.payment;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.payment.PaymentCheckout;
import ai.massrouter.api.payment.PaymentMethod;

/** Opens an order with one provider and returns what the payer needs to pay it. */
interface PaymentProvider {

    PaymentMethod method();

    /** Throws a DomainException naming the settings to make when the provider is not configured. */
    void ensureConfigured();

    /** Refuses a currency the provider cannot collect. */
    default void ensureAccepts(String currency) {
    }

    PaymentCheckout open(PaymentOrder order);

    /** Whether users are offered this method (GET /billing/payment-methods). */
    default boolean configured() {
        try {
            ensureConfigured();
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    default boolean accepts(String currency) {
        try {
            ensureAccepts(currency);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }
}
