package ai.massrouter.command.payment;

import ai.massrouter.api.payment.PaymentRefundTicket;

import java.math.BigDecimal;

/** A refund as the administrator sees it: the amount in the payment's currency, the debit in the account's. */
public record RefundResponse(String paymentId, String refundId, String status, BigDecimal amount, String currency,
                             BigDecimal debited, String debitCurrency, boolean forced, boolean replayed) {

    static RefundResponse of(PaymentRefundTicket t) {
        return new RefundResponse(t.paymentId().value(), t.refundId().value(), t.state().wireName(), t.amount().toDecimal(),
                t.amount().currency(), t.debit().toDecimal(), t.debit().currency(), t.force(), t.replayed());
    }
}
