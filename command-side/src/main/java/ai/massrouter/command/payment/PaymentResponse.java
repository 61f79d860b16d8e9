package ai.massrouter.command.payment;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.payment.BankTransferInstructions;
import ai.massrouter.api.payment.CreatePaymentCommand;

import java.math.BigDecimal;
import java.time.Instant;

/** A new order as the client sees it (the same shape as {@code GET /billing/payments/{id}}). */
public record PaymentResponse(String paymentId, String status, String paymentMethod, BigDecimal amount,
                              String currency, BigDecimal creditAmount, String creditCurrency, BigDecimal fxRate,
                              BigDecimal refundedAmount, String checkoutUrl, String qrCode,
                              BankTransferInstructions bankTransfer, String providerReference, Instant createdAt,
                              Instant expiresAt) {

    static PaymentResponse of(CreatePaymentCommand c) {
        Money zero = Money.zero(c.amount().currency());
        return new PaymentResponse(c.paymentId().value(), "pending", c.method().wireName(), c.amount().toDecimal(),
                c.amount().currency(), c.credit().toDecimal(), c.credit().currency(), c.fxRate(), zero.toDecimal(),
                c.checkout().checkoutUrl(), c.checkout().qrCode(), c.checkout().bankTransfer(),
                c.checkout().providerReference(), c.at(), c.expiresAt());
    }
}
