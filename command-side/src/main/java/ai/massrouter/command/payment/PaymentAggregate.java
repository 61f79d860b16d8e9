package ai.massrouter.command.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.ErrorDetails;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.RefundId;
import ai.massrouter.api.payment.*;
import ai.massrouter.api.user.UserId;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A payment order: pending until a verified report settles it once. The first success wins and
 * every later report is a duplicate that changes nothing; a report whose amount or currency is
 * not the order's fails it (BILL_002). An expired order still takes a late success: the payer's
 * money was taken. Crediting the account is the {@link PaymentProcess}'s job.
 * <p>
 * Not cached: a payment is settled by whichever node a provider's notification reaches, so a copy
 * cached on the node that opened the order would go stale, and a refusal decided on it (a refund
 * "of a pending payment") appends nothing that could reveal the conflict. A payment has a handful
 * of events; loading them costs what the cache's freshness check would (see FreshAggregateCache,
 * which keeps the busy, long-lived aggregates such as accounts correct across nodes).
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class PaymentAggregate {

    static final String EXPIRY = "payment-expiry";

    @AggregateIdentifier
    private PaymentId paymentId;
    private UserId userId;
    private PaymentMethod method;
    private Money amount;
    private Money credit;
    private BigDecimal fxRate;
    /** The provider's id of this order, as recorded when it was opened (a Checkout Session id, or our id). */
    private String providerReference;
    private PaymentStatus status;
    private ErrorDetails failure;
    /** Refunded so far, and reserved by refunds not yet done, in the order's currency. */
    private Money refunded;
    private Money reserved;
    private Map<String, Refund> refunds = new HashMap<>();

    protected PaymentAggregate() {
    }

    @CommandHandler
    public PaymentAggregate(CreatePaymentCommand c, DeadlineManager deadlines) {
        if (!c.amount().isPositive() || !c.credit().isPositive()) {
            throw DomainException.invalid("amount", "must be positive");
        }
        apply(new PaymentCreatedEvent(c.paymentId(), c.userId(), AccountId.forUser(c.userId()), c.method(),
                c.amount(), c.credit(), c.fxRate(), c.checkout(), c.expiresAt(), c.at()));
        deadlines.schedule(c.expiresAt(), EXPIRY, new PaymentExpiryDue(c.paymentId(), c.expiresAt()));
    }

    @CommandHandler
    public PaymentCompletion handle(CompletePaymentCommand c) {
        ensureOwnReport(c.method(), c.providerReference());
        return settle(c.paid(), c.providerTransactionId(), c.source(), c.at());
    }

    @CommandHandler
    public PaymentCompletion handle(ConfirmBankTransferCommand c) {
        if (method != PaymentMethod.BANK_TRANSFER) {
            throw new DomainException(ErrorCode.ERR_001, "Only bank transfers are confirmed by hand; this payment is "
                    + method.wireName() + " and is settled by its provider", Map.of("payment_id", "not a bank transfer"));
        }
        return settle(c.received(), c.bankReference(), "admin:" + c.confirmedBy(), c.at());
    }

    /** The first matching report wins; later ones are duplicates; a mismatching one fails the order. */
    private PaymentCompletion settle(Money paid, String transactionId, String source, Instant at) {
        if (isSettled()) {
            return new PaymentCompletion(paymentId, status, true, failure);
        }
        String mismatch = mismatchOf(paid);
        if (mismatch != null) {
            apply(new PaymentFailedEvent(paymentId, userId, ErrorCode.BILL_002.name(), mismatch, paid, source, at));
            return new PaymentCompletion(paymentId, status, false, failure);
        }
        apply(new PaymentSucceededEvent(paymentId, userId, AccountId.forUser(userId), method, paid, credit,
                transactionId, source, status == PaymentStatus.EXPIRED, at));
        return new PaymentCompletion(paymentId, status, false, null);
    }

    /** A provider's decline: only a payment still open can fail; after a success it is a stale report. */
    @CommandHandler
    public PaymentCompletion handle(FailPaymentCommand c) {
        ensureOwnReport(c.method(), c.providerReference());
        if (isSettled()) {
            return new PaymentCompletion(paymentId, status, true, failure);
        }
        apply(new PaymentFailedEvent(paymentId, userId, ErrorCode.BILL_002.name(), c.reason(), null, c.source(), c.at()));
        return new PaymentCompletion(paymentId, status, false, failure);
    }

    @DeadlineHandler(deadlineName = EXPIRY)
    void expire(PaymentExpiryDue due) {
        if (status == PaymentStatus.PENDING) {
            apply(new PaymentExpiredEvent(paymentId, userId, due.expiresAt()));
        }
    }

    @CommandHandler
    public PaymentRefundTicket handle(RequestPaymentRefundCommand c) {
        Refund known = refunds.get(c.refundId().value());
        if (known != null) {
            return ticket(c.refundId(), known, true);
        }
        Money requested = ensureRefundable(c.amount());
        if (c.force() && (c.reason() == null || c.reason().isBlank())) {
            throw DomainException.invalid("reason", "is required to force a refund past the available balance");
        }
        Money debit = FxRates.convert(requested, fxRate, credit.currency());
        apply(new PaymentRefundRequestedEvent(paymentId, userId, AccountId.forUser(userId), c.refundId(), requested,
                debit, c.force(), c.reason(), c.requestedBy(), c.at()));
        return ticket(c.refundId(), refunds.get(c.refundId().value()), false);
    }

    @CommandHandler
    public PaymentRefundTicket handle(CompletePaymentRefundCommand c) {
        Refund refund = refundNamed(c.refundId());
        if (refund.state() == RefundState.REQUESTED) {
            Money total = refunded.plus(refund.amount());
            PaymentStatus after = total.equals(amount) ? PaymentStatus.REFUNDED : PaymentStatus.SUCCEEDED;
            apply(new PaymentRefundedEvent(paymentId, userId, c.refundId(), refund.amount(), refund.debit(), total,
                    after, c.at()));
        }
        return ticket(c.refundId(), refunds.get(c.refundId().value()), false);
    }

    @CommandHandler
    public PaymentRefundTicket handle(DeclinePaymentRefundCommand c) {
        Refund refund = refundNamed(c.refundId());
        if (refund.state() == RefundState.REQUESTED) {
            apply(new PaymentRefundDeclinedEvent(paymentId, userId, c.refundId(), refund.amount(), c.errorCode(),
                    c.reason(), c.at()));
        }
        return ticket(c.refundId(), refunds.get(c.refundId().value()), false);
    }

    /**
     * A provider's report settles only the order it was opened for: one of this order's method, about
     * the provider order recorded at creation (a Stripe event names its Checkout Session; an id of ours
     * in {@code client_reference_id} or metadata alone proves nothing, a payment link can carry any).
     * Refused before anything else, also on a settled order, so that no answer reveals its state.
     */
    private void ensureOwnReport(PaymentMethod reportedMethod, String reportedReference) {
        if (reportedMethod != method) {
            throw new DomainException(ErrorCode.ERR_001, "A " + (reportedMethod == null ? "?" : reportedMethod.wireName())
                    + " notification cannot settle a " + method.wireName() + " order",
                    Map.of("payment_id", "is not an order of this provider"));
        }
        if (providerReference == null || !providerReference.equals(reportedReference)) {
            throw new DomainException(ErrorCode.ERR_001, "The notification names provider order " + reportedReference
                    + ", not this order's", Map.of("payment_id", "was opened with another provider order"));
        }
    }

    private boolean isSettled() {
        return status == PaymentStatus.SUCCEEDED || status == PaymentStatus.REFUNDED || status == PaymentStatus.FAILED;
    }

    /** Why a reported payment is not this order's, or null when it matches exactly. */
    private String mismatchOf(Money paid) {
        if (!paid.currency().equals(amount.currency())) {
            return "Reported currency " + paid.currency() + " does not match the order's " + amount.currency();
        }
        if (paid.nanos() != amount.nanos()) {
            return "Reported amount " + paid + " does not match the order's " + amount;
        }
        return null;
    }

    /**
     * Only money that was paid, and not refunded or reserved by another refund, can go back;
     * {@code requested} is in the payment's currency, null for all that is left.
     */
    private Money ensureRefundable(BigDecimal requested) {
        if (status != PaymentStatus.SUCCEEDED) {
            throw new DomainException(ErrorCode.ERR_001, "Only a succeeded payment can be refunded; this one is "
                    + status.wireName(), Map.of("payment_id", "is " + status.wireName()));
        }
        Money left = amount.minus(refunded).minus(reserved);
        Money wanted = requested == null ? left : FxRates.orderAmount(requested, amount.currency());
        if (!wanted.isPositive()) {
            throw DomainException.invalid("amount", "nothing is left to refund");
        }
        if (wanted.exceeds(left)) {
            throw DomainException.invalid("amount", "exceeds the refundable " + left);
        }
        return wanted;
    }

    private Refund refundNamed(RefundId refundId) {
        Refund refund = refunds.get(refundId.value());
        if (refund == null) {
            throw DomainException.notFound("Refund " + refundId);
        }
        return refund;
    }

    private PaymentRefundTicket ticket(RefundId refundId, Refund r, boolean replayed) {
        return new PaymentRefundTicket(paymentId, refundId, AccountId.forUser(userId), r.amount(), r.debit(), r.force(),
                r.reason(), r.state(), r.declineCode(), r.declineReason(), replayed);
    }

    @EventSourcingHandler
    void on(PaymentCreatedEvent e) {
        paymentId = e.paymentId();
        userId = e.userId();
        method = e.method();
        amount = e.amount();
        credit = e.credit();
        fxRate = e.fxRate();
        providerReference = e.checkout() == null ? null : e.checkout().providerReference();
        status = PaymentStatus.PENDING;
        refunded = Money.zero(e.amount().currency());
        reserved = refunded;
    }

    @EventSourcingHandler
    void on(PaymentSucceededEvent e) {
        status = PaymentStatus.SUCCEEDED;
    }

    @EventSourcingHandler
    void on(PaymentFailedEvent e) {
        status = PaymentStatus.FAILED;
        failure = new ErrorDetails(ErrorCode.valueOf(e.errorCode()), e.reason(), Map.of());
    }

    @EventSourcingHandler
    void on(PaymentExpiredEvent e) {
        status = PaymentStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(PaymentRefundRequestedEvent e) {
        reserved = reserved.plus(e.amount());
        refunds.put(e.refundId().value(), new Refund(e.amount(), e.debit(), e.force(), e.reason(), RefundState.REQUESTED,
                null, null));
    }

    @EventSourcingHandler
    void on(PaymentRefundedEvent e) {
        reserved = reserved.minus(e.amount());
        refunded = e.refundedTotal();
        status = e.status();
        refunds.computeIfPresent(e.refundId().value(), (id, r) -> r.with(RefundState.REFUNDED, null, null));
    }

    @EventSourcingHandler
    void on(PaymentRefundDeclinedEvent e) {
        reserved = reserved.minus(e.amount());
        refunds.computeIfPresent(e.refundId().value(), (id, r) -> r.with(RefundState.DECLINED, e.errorCode(), e.reason()));
    }
}
