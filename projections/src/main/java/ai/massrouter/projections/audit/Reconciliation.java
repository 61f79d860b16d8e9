package ai.massrouter.projections.audit;

import ai.massrouter.api.account.FundsHeldEvent;
import ai.massrouter.api.account.HoldReleasedEvent;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.account.PaymentRefundDebitedEvent;
import ai.massrouter.api.account.TopUpCreditedEvent;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.audit.LedgerCheckView.Break;
import ai.massrouter.api.audit.LedgerCheckView.Flows;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.payment.PaymentCreatedEvent;
import ai.massrouter.api.payment.PaymentRefundDeclinedEvent;
import ai.massrouter.api.payment.PaymentRefundRequestedEvent;
import ai.massrouter.api.payment.PaymentRefundedEvent;
import ai.massrouter.api.payment.PaymentSucceededEvent;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every money flow of the log seen from both sides, fed one event at a time in the log's order:
 * a succeeded payment and its top-up credit, a payment refund and its debit, a hold and its
 * settlement or release. Flows are matched by the ids the events carry as fields (payment id,
 * refund id, account and hold id), never by parsing operation ids. Memory grows with the number of
 * payments (a few hundred bytes each), of open holds, and of closed holds (16 bytes each, see
 * {@link ClosedHolds}), not with the number of events.
 * <p>
 * No event records that a gateway call reached an upstream: a call is its hold (purpose
 * {@code chat.completions ...}, hold id = request id), and the check is that every hold is settled
 * once at the cost of the usage it records, released whole, or still open.
 */
final class Reconciliation {

    static final String GATEWAY_PURPOSE = "chat.completions";

    private final Map<String, PaymentFlow> payments = new HashMap<>();
    /** Open holds by account and hold id, with their amounts; closed ones only as fingerprints. */
    private final Map<String, Long> openHolds = new HashMap<>();
    private final ClosedHolds closed = new ClosedHolds();
    private final List<Break> breaks = new ArrayList<>();
    private long paymentsSucceeded;
    private long topUpCredits;
    private long paymentRefunds;
    private long refundDebits;
    private long holdsPlaced;
    private long gatewayCalls;
    private long holdsOpen;
    private long inFlight;

    /** Applies one event of an account's or a payment's stream; other payloads are ignored. */
    void apply(Object payload, Instant timestamp) {
        if (payload instanceof PaymentCreatedEvent e) {
            PaymentFlow flow = payment(e.paymentId().value());
            flow.accountId = e.accountId().value();
            flow.created = true;
            flow.amount = e.amount();
            flow.credit = e.credit();
            flow.fxRate = e.fxRate();
        } else if (payload instanceof PaymentSucceededEvent e) {
            paymentsSucceeded++;
            PaymentFlow flow = payment(e.paymentId().value());
            flow.successes++;
            flow.paid = e.paid();
            flow.successCredit = e.credit();
            flow.successAccountId = e.accountId().value();
            flow.succeededAt = e.at() == null ? timestamp : e.at();
        } else if (payload instanceof TopUpCreditedEvent e && e.paymentId() != null) {
            // a top-up that names no payment is another kind of credit, with no payment side to match
            topUpCredits++;
            payment(e.paymentId().value()).credits().add(new Movement(e.accountId().value(), e.amount()));
        } else if (payload instanceof PaymentRefundRequestedEvent e) {
            payment(e.paymentId().value()).refunds().put(e.refundId().value(),
                    new RefundFlow(e.amount(), e.debit(), e.at() == null ? timestamp : e.at()));
        } else if (payload instanceof PaymentRefundedEvent e) {
            paymentRefunds++;
            RefundFlow refund = payment(e.paymentId().value()).refunds()
                    .computeIfAbsent(e.refundId().value(), id -> new RefundFlow(e.amount(), e.debit(), e.at()));
            refund.completions++;
            refund.completedDebit = e.debit();
        } else if (payload instanceof PaymentRefundDeclinedEvent e) {
            RefundFlow refund = payment(e.paymentId().value()).refunds().get(e.refundId().value());
            if (refund != null) {
                refund.declined = true;
            }
        } else if (payload instanceof PaymentRefundDebitedEvent e) {
            refundDebits++;
            payment(e.paymentId().value()).debits().add(new Movement(e.accountId().value(), e.amount()));
        } else if (payload instanceof FundsHeldEvent e) {
            held(e);
        } else if (payload instanceof HoldSettledEvent e) {
            settled(e);
        } else if (payload instanceof HoldReleasedEvent e) {
            released(e);
        }
    }

    private void held(FundsHeldEvent e) {
        String account = e.accountId().value();
        String holdId = e.holdId().value();
        holdsPlaced++;
        gatewayCalls += e.purpose() != null && e.purpose().startsWith(GATEWAY_PURPOSE) ? 1 : 0;
        String key = key(account, holdId);
        int closedAs = closed.stateOf(account, holdId);
        if (openHolds.containsKey(key) || closedAs != 0) {
            breaks.add(hold("hold_placed_twice", account, holdId, "a second hold of " + e.amount().toDecimal()
                    + " with the id of a hold " + (closedAs == 0 ? "still open" : describe(closedAs))));
            return;
        }
        openHolds.put(key, e.amount().nanos());
    }

    private void settled(HoldSettledEvent e) {
        String account = e.accountId().value();
        String holdId = e.holdId().value();
        Long held = closing(account, holdId, "settled");
        if (held == null) {
            return;
        }
        closed.close(account, holdId, ClosedHolds.SETTLED);
        long charged = e.charged().nanos();
        long uncollected = e.uncollected() == null ? 0 : e.uncollected().nanos();
        if (e.held().nanos() != held) {
            breaks.add(hold("hold_amount_differs", account, holdId, "settled as a hold of "
                    + e.held().toDecimal() + ", placed as " + new Money(held, e.held().currency()).toDecimal()));
        } else if (e.released().nanos() != Math.max(0, held - charged)) {
            breaks.add(hold("hold_amount_differs", account, holdId, "held " + e.held().toDecimal() + ", charged "
                    + e.charged().toDecimal() + ", but released " + e.released().toDecimal()));
        }
        UsageDetails usage = e.usage();
        if (usage != null && usage.pricing() != null) {
            Money cost = usage.cost();
            if (Math.addExact(charged, uncollected) != cost.nanos()) {
                breaks.add(hold("settlement_differs_from_usage", account, holdId, "charged "
                        + e.charged().toDecimal() + " + uncollected " + new Money(uncollected, cost.currency()).toDecimal()
                        + ", but " + usage.promptTokens() + " prompt and " + usage.completionTokens()
                        + " completion tokens of " + ModelId.valueOf(usage.modelId()) + " cost " + cost.toDecimal()));
            }
        }
    }

    private void released(HoldReleasedEvent e) {
        String account = e.accountId().value();
        String holdId = e.holdId().value();
        Long held = closing(account, holdId, "released");
        if (held == null) {
            return;
        }
        closed.close(account, holdId, ClosedHolds.RELEASED);
        if (e.amount().nanos() != held) {
            breaks.add(hold("hold_amount_differs", account, holdId, "released " + e.amount().toDecimal()
                    + " of a hold of " + new Money(held, e.amount().currency()).toDecimal()));
        }
    }

    /** The amount of the open hold a settlement or release closes; null (and a break) when there is none. */
    private Long closing(String account, String holdId, String how) {
        Long held = openHolds.remove(key(account, holdId));
        if (held != null) {
            return held;
        }
        int closedAs = closed.stateOf(account, holdId);
        breaks.add(closedAs == 0
                ? hold("hold_closed_without_hold", account, holdId, how + ", but no hold with this id was placed")
                : hold("hold_closed_twice", account, holdId, how + " after it was already " + describe(closedAs)));
        return null;
    }

    private static String describe(int closedAs) {
        return closedAs == ClosedHolds.SETTLED ? "settled" : "released";
    }

    /** Ends the pass: the payment side's breaks, found once every credit and debit is known. */
    List<Break> finish(Instant now, Duration grace) {
        holdsOpen = openHolds.size();
        payments.forEach((paymentId, flow) -> {
            checkSuccess(paymentId, flow, now, grace);
            checkRefunds(paymentId, flow, now, grace);
        });
        return breaks;
    }

    Flows flows() {
        return new Flows(paymentsSucceeded, topUpCredits, paymentRefunds, refundDebits, holdsPlaced, gatewayCalls,
                holdsOpen, inFlight);
    }

    private void checkSuccess(String paymentId, PaymentFlow flow, Instant now, Duration grace) {
        String account = flow.accountId != null ? flow.accountId : flow.successAccountId;
        if (flow.successes == 0) {
            for (Movement credit : flow.credits()) {
                breaks.add(payment("credit_without_payment", credit.accountId(), paymentId, null, "a top-up of "
                        + credit.amount().toDecimal() + " for a payment that never succeeded"));
            }
            return;
        }
        if (!flow.created) {
            breaks.add(payment("payment_succeeded_without_order", account, paymentId, null,
                    "a success with no order opened"));
        } else {
            Money expected = convert(flow.amount, flow.fxRate, flow.credit.currency());
            if (!flow.paid.equals(flow.amount) || !flow.successCredit.equals(flow.credit)
                    || !flow.credit.equals(expected)) {
                breaks.add(payment("fx_conversion_differs", account, paymentId, null, "ordered "
                        + flow.amount + " at " + flow.fxRate.toPlainString() + " = " + expected + ", order credit "
                        + flow.credit + ", paid " + flow.paid + ", success credit " + flow.successCredit));
            }
        }
        if (flow.successes > 1) {
            breaks.add(payment("payment_succeeded_twice", account, paymentId, null, flow.successes
                    + " success events"));
        }
        List<Movement> credits = flow.credits();
        if (credits.isEmpty()) {
            if (flow.succeededAt != null && flow.succeededAt.plus(grace).isAfter(now)) {
                inFlight++;
            } else {
                breaks.add(payment("payment_not_credited", account, paymentId, null, "succeeded at "
                        + flow.succeededAt + " for " + flow.successCredit + ", no top-up credit"));
            }
            return;
        }
        if (credits.size() > 1) {
            breaks.add(payment("payment_credited_twice", account, paymentId, null, credits.size()
                    + " top-up credits: " + credits.stream().map(c -> c.amount().toDecimal().toPlainString()).toList()));
        }
        for (Movement credit : credits) {
            if (!credit.amount().equals(flow.successCredit)) {
                breaks.add(payment("credit_amount_differs", credit.accountId(), paymentId, null, "credited "
                        + credit.amount() + ", the payment credits " + flow.successCredit));
            }
            if (!credit.accountId().equals(flow.successAccountId)) {
                breaks.add(payment("credit_to_another_account", credit.accountId(), paymentId, null,
                        "the payment belongs to " + flow.successAccountId));
            }
        }
    }

    /**
     * A debit event names its payment but not its refund: debits are matched to the payment's refunds
     * by amount, completed refunds first, then refunds still under way.
     */
    private void checkRefunds(String paymentId, PaymentFlow flow, Instant now, Duration grace) {
        if (flow.refunds == null && flow.debits == null) {
            return;
        }
        List<Map.Entry<String, RefundFlow>> completed = new ArrayList<>();
        List<Map.Entry<String, RefundFlow>> underWay = new ArrayList<>();
        for (Map.Entry<String, RefundFlow> entry : flow.refunds().entrySet()) {
            RefundFlow refund = entry.getValue();
            if (refund.completions > 1) {
                breaks.add(payment("refund_completed_twice", flow.accountId, paymentId, entry.getKey(),
                        refund.completions + " completions"));
            }
            if (flow.fxRate != null && refund.debit != null
                    && !refund.debit.equals(convert(refund.amount, flow.fxRate, refund.debit.currency()))) {
                breaks.add(payment("fx_conversion_differs", flow.accountId, paymentId, entry.getKey(), "refund of "
                        + refund.amount + " at " + flow.fxRate.toPlainString() + " debits " + refund.debit));
            }
            if (refund.completions > 0) {
                completed.add(entry);
            } else if (!refund.declined) {
                underWay.add(entry);
            }
        }
        for (Movement debit : flow.debits()) {
            if (removeByDebit(completed, debit.amount()) != null) {
                continue;
            }
            Map.Entry<String, RefundFlow> pending = removeByDebit(underWay, debit.amount());
            if (pending == null) {
                breaks.add(payment("refund_debit_without_refund", debit.accountId(), paymentId, null, "debited "
                        + debit.amount() + " for a payment refund that was not made"));
            } else if (pending.getValue().at.plus(grace).isAfter(now)) {
                inFlight++;
            } else {
                breaks.add(payment("refund_not_completed", debit.accountId(), paymentId, pending.getKey(), "debited "
                        + debit.amount() + " at or after " + pending.getValue().at + ", the refund was never completed"));
            }
        }
        for (Map.Entry<String, RefundFlow> refund : completed) {
            breaks.add(payment("refund_not_debited", flow.accountId, paymentId, refund.getKey(), "refunded "
                    + refund.getValue().amount + ", no debit of " + refund.getValue().completedDebit));
        }
    }

    private static Map.Entry<String, RefundFlow> removeByDebit(List<Map.Entry<String, RefundFlow>> refunds, Money debit) {
        for (int i = 0; i < refunds.size(); i++) {
            RefundFlow refund = refunds.get(i).getValue();
            Money expected = refund.completedDebit != null ? refund.completedDebit : refund.debit;
            if (debit.equals(expected)) {
                return refunds.remove(i);
            }
        }
        return null;
    }

    /** {@code amount × rate} in {@code target}, as the order fixed it (exact: see docs/payments.md). */
    private static Money convert(Money amount, BigDecimal rate, String target) {
        return Money.ofDecimal(amount.toDecimal().multiply(rate == null ? BigDecimal.ONE : rate), target);
    }

    private PaymentFlow payment(String paymentId) {
        return payments.computeIfAbsent(paymentId == null ? "?" : paymentId, id -> new PaymentFlow());
    }

    private static String key(String accountId, String holdId) {
        return accountId + ' ' + holdId;
    }

    private static Break hold(String kind, String accountId, String holdId, String detail) {
        return new Break(kind, accountId, null, null, holdId, detail);
    }

    private static Break payment(String kind, String accountId, String paymentId, String refundId, String detail) {
        return new Break(kind, accountId, paymentId, refundId, null, detail);
    }

    /** A credit or a debit as the account recorded it. */
    private record Movement(String accountId, Money amount) {
    }

    /** One order: as opened, as reported paid, and its movements on the account side. */
    private static final class PaymentFlow {
        private String accountId;
        private boolean created;
        private Money amount;
        private Money credit;
        private BigDecimal fxRate;
        private int successes;
        private Money paid;
        private Money successCredit;
        private String successAccountId;
        private Instant succeededAt;
        private List<Movement> credits;
        private Map<String, RefundFlow> refunds;
        private List<Movement> debits;

        List<Movement> credits() {
            if (credits == null) {
                credits = new ArrayList<>(1);
            }
            return credits;
        }

        Map<String, RefundFlow> refunds() {
            if (refunds == null) {
                refunds = new LinkedHashMap<>();
            }
            return refunds;
        }

        List<Movement> debits() {
            if (debits == null) {
                debits = new ArrayList<>(1);
            }
            return debits;
        }
    }

    /** A payment refund: reserved ({@code amount}, {@code debit}), then completed or declined. */
    private static final class RefundFlow {
        private final Money amount;
        private final Money debit;
        private final Instant at;
        private int completions;
        private Money completedDebit;
        private boolean declined;

        RefundFlow(Money amount, Money debit, Instant at) {
            this.amount = amount;
            this.debit = debit;
            this.at = at;
        }
    }
}
