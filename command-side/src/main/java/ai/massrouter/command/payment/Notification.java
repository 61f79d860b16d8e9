package ai.massrouter.command.payment;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.payment.PaymentMethod;

/**
 * A provider notification whose signature was verified, reduced to what settles an order:
 * {@code paid} (the payer paid {@code amount}), {@code failed}, or {@code ignored} (a state that
 * settles nothing, e.g. still waiting for the payer). {@code method} is the provider that sent it and
 * {@code providerReference} the provider order it is about (a Checkout Session id, an
 * {@code out_trade_no}): the payment settles only for its own.
 */
record Notification(Kind kind, PaymentId paymentId, PaymentMethod method, String providerReference, Money amount,
                    String providerTransactionId, String source, String reason) {

    enum Kind { PAID, FAILED, IGNORED }

    static Notification paid(PaymentId id, PaymentMethod method, String providerReference, Money amount,
                             String transactionId, String source) {
        return new Notification(Kind.PAID, id, method, providerReference, amount, transactionId, source, null);
    }

    static Notification failed(PaymentId id, PaymentMethod method, String providerReference, String source,
                               String reason) {
        return new Notification(Kind.FAILED, id, method, providerReference, null, null, source, reason);
    }

    static Notification ignored(PaymentId id, String source, String reason) {
        return new Notification(Kind.IGNORED, id, null, null, null, null, source, reason);
    }
}
