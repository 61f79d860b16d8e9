package ai.massrouter.query.payment;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.payment.BankTransferInstructions;
import ai.massrouter.api.common.PageRequest;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.payment.FindPaymentQuery;
import ai.massrouter.api.payment.FindPaymentsQuery;
import ai.massrouter.api.payment.PaymentPageView;
import ai.massrouter.api.payment.PaymentView;
import ai.massrouter.query.common.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A payment's status for its owner (administrators see every payment), and the caller's own
 * orders. Another user's payment is "not found", not "forbidden": its existence is nobody else's
 * business; the list holds the caller's orders only, administrators included (theirs is
 * {@link AdminPaymentQueryController}).
 */
@RestController
public class PaymentQueryController {

    private final ReadYourWrites reads;

    public PaymentQueryController(ReadYourWrites reads) {
        this.reads = reads;
    }

    /** The order was just created by the caller, so a short wait for the read model is worth it. */
    @GetMapping("/api/v1/billing/payments/{paymentId}")
    public Payment payment(Caller caller, @PathVariable String paymentId) {
        if (!paymentId.startsWith("pay_")) {
            throw DomainException.notFound("Payment " + paymentId);
        }
        return reads.awaitPresent(new FindPaymentQuery(PaymentId.of(paymentId)), PaymentView.class)
                .filter(p -> caller.isAdmin() || p.userId().equals(caller.userId().value()))
                .map(Payment::of)
                .orElseThrow(() -> DomainException.notFound("Payment " + paymentId));
    }

    /** The caller's orders, newest first; {@code status} ({@code pending}, ...) narrows them. */
    @GetMapping("/api/v1/billing/payments")
    public PaymentPage payments(Caller caller, @RequestParam(required = false) String status,
                         @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int limit) {
        FindPaymentsQuery query = new FindPaymentsQuery(caller.userId(), PaymentFilters.status(status), null,
                new PageRequest(page, limit));
        return PaymentPage.of(reads.ask(query, PaymentPageView.class).orElseThrow());
    }

    public record PaymentPage(List<Payment> items, int page, int limit, long total) {

        static PaymentPage of(PaymentPageView view) {
            return new PaymentPage(view.items().stream().map(Payment::of).toList(), view.page(), view.limit(), view.total());
        }
    }

    public record Failure(String code, String message) {
    }

    public record Payment(String paymentId, String userId, String status, String paymentMethod, BigDecimal amount,
                          String currency, BigDecimal creditAmount, String creditCurrency, BigDecimal fxRate,
                          BigDecimal refundedAmount, String checkoutUrl, String qrCode,
                          BankTransferInstructions bankTransfer, String providerReference, Failure failure,
                          boolean late, Instant createdAt, Instant expiresAt, Instant paidAt, Instant failedAt,
                          Instant expiredAt, Instant refundedAt, Instant updatedAt) {

        static Payment of(PaymentView v) {
            return new Payment(v.paymentId().value(), v.userId(), v.status().wireName(), v.method().wireName(),
                    v.amount().toDecimal(), v.amount().currency(), v.credit().toDecimal(), v.credit().currency(),
                    v.fxRate(), v.refunded().toDecimal(), v.checkout().checkoutUrl(), v.checkout().qrCode(),
                    v.checkout().bankTransfer(), v.checkout().providerReference(),
                    v.failureCode() == null ? null : new Failure(v.failureCode(), v.failureReason()), v.late(),
                    v.createdAt(), v.expiresAt(), v.paidAt(), v.failedAt(), v.expiredAt(), v.refundedAt(),
                    v.updatedAt());
        }
    }
}
