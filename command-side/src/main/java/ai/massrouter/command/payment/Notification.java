package ai.massrouter.command.payment;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.payment.PaymentId;

/**
 * A provider notification whose signature was verified, reduced to what settles an order:
 * {@code paid} (the payer paid {@code amount}), {@code failed}, or {@code ignored} (a state that
 * settles nothing, e.g. still waiting for the payer).
 */
record Notification(Kind kind, PaymentId paymentId, Money amount, String providerTransactionId, String source,
                    String reason) {

    enum Kind { PAID, FAILED, IGNORED }

    static Notification paid(PaymentId id, Money amount, String transactionId, String source) {
        return new Notification(Kind.PAID, id, amount, transactionId, source, null);
    }

    static Notification failed(PaymentId id, String source, String reason) {
        return new Notification(Kind.FAILED, id, null, null, source, reason);
    }

    static Notification ignored(PaymentId id, String source, String reason) {
        return new Notification(Kind.IGNORED, id, null, null, source, reason);
    }
}
