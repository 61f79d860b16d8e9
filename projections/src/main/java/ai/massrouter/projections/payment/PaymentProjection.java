package ai.massrouter.projections.payment;

import ai.massrouter.api.payment.BankTransferInstructions;
import ai.massrouter.api.payment.PaymentCreatedEvent;
import ai.massrouter.api.payment.PaymentExpiredEvent;
import ai.massrouter.api.payment.PaymentFailedEvent;
import ai.massrouter.api.payment.PaymentRefundedEvent;
import ai.massrouter.api.payment.PaymentStatus;
import ai.massrouter.api.payment.PaymentSucceededEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static ai.massrouter.projections.common.Sql.ts;

/**
 * Payment orders. A row changes only for an event newer than its {@code last_sequence}, with the
 * absolute values the event carries, so an event applied twice changes nothing. Refund requests
 * and declines change no row: a payment's refunded amount moves when a refund is done.
 */
@Component
@ProcessingGroup(PaymentProjection.GROUP)
public class PaymentProjection {

    public static final String GROUP = "payments";

    private final JdbcTemplate jdbc;

    public PaymentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentCreatedEvent e, @SequenceNumber long sequence) {
        BankTransferInstructions bank = e.checkout().bankTransfer();
        jdbc.update("""
                INSERT INTO payments_view (payment_id, user_id, method, status, amount_nanos, currency, credit_nanos,
                    credit_currency, fx_rate, provider_reference, checkout_url, qr_code, bank_name, bank_account_name,
                    bank_account_number, bank_reference, created_at, expires_at, updated_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (payment_id) DO NOTHING""",
                e.paymentId().value(), e.userId().value(), e.method().name(), PaymentStatus.PENDING.name(),
                e.amount().nanos(), e.amount().currency(), e.credit().nanos(), e.credit().currency(), e.fxRate(),
                e.checkout().providerReference(), e.checkout().checkoutUrl(), e.checkout().qrCode(),
                bank == null ? null : bank.bankName(), bank == null ? null : bank.accountName(),
                bank == null ? null : bank.accountNumber(), bank == null ? null : bank.reference(),
                ts(e.at()), ts(e.expiresAt()), ts(e.at()), sequence);
    }

    @EventHandler
    void on(PaymentSucceededEvent e, @SequenceNumber long sequence) {
        update("status = ?, paid_at = ?, late = ?, provider_reference = COALESCE(provider_reference, ?)", e.paymentId().value(),
                sequence, e.at(), PaymentStatus.SUCCEEDED.name(), ts(e.at()), e.late(), e.providerTransactionId());
    }

    @EventHandler
    void on(PaymentFailedEvent e, @SequenceNumber long sequence) {
        update("status = ?, failed_at = ?, failure_code = ?, failure_reason = ?", e.paymentId().value(), sequence,
                e.at(), PaymentStatus.FAILED.name(), ts(e.at()), e.errorCode(), e.reason());
    }

    @EventHandler
    void on(PaymentExpiredEvent e, @SequenceNumber long sequence) {
        update("status = ?, expired_at = ?", e.paymentId().value(), sequence, e.at(), PaymentStatus.EXPIRED.name(),
                ts(e.at()));
    }

    @EventHandler
    void on(PaymentRefundedEvent e, @SequenceNumber long sequence) {
        update("status = ?, refunded_nanos = ?, refunded_at = ?", e.paymentId().value(), sequence, e.at(),
                e.status().name(), e.refundedTotal().nanos(), ts(e.at()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE payments_view");
    }

    /** Sets {@code assignments} (their values in order) unless the row already saw this event or a newer one. */
    private void update(String assignments, String paymentId, long sequence, Instant at, Object... values) {
        List<Object> args = new ArrayList<>(Arrays.asList(values));
        args.addAll(List.of(ts(at), sequence, paymentId, sequence));
        jdbc.update("UPDATE payments_view SET " + assignments + ", updated_at = ?, last_sequence = ? "
                + "WHERE payment_id = ? AND last_sequence < ?", args.toArray());
    }
}
