package ai.massrouter.projections.audit;

import ai.massrouter.api.account.*;
import ai.massrouter.api.common.Money;

/**
 * An account's balance recomputed from the movements its events record (amounts only, never
 * their own {@code balanceAfter}), plus the first event whose {@code balanceAfter} disagrees.
 */
final class LedgerFold {

    private final String accountId;
    private long total;
    private long held;
    private String currency;
    private long events;
    private Long lastSequence;
    private String firstDisagreement;

    LedgerFold(String accountId) {
        this.accountId = accountId;
    }

    /** Applies one event of the account's stream; other payloads are ignored. */
    void apply(Object payload, long sequence) {
        Money reported = null;
        if (payload instanceof AccountOpenedEvent e) {
            currency = e.currency();
        } else if (payload instanceof TopUpCreditedEvent e) {
            reported = move(e.amount().nanos(), 0, e.balanceAfter());
        } else if (payload instanceof AccountCreditedEvent e) {
            reported = move(e.amount().nanos(), 0, e.balanceAfter());
        } else if (payload instanceof UsageChargedEvent e) {
            reported = move(-e.amount().nanos(), 0, e.balanceAfter());
        } else if (payload instanceof FundsHeldEvent e) {
            reported = move(0, e.amount().nanos(), e.balance());
        } else if (payload instanceof HoldSettledEvent e) {
            reported = move(-e.charged().nanos(), -e.held().nanos(), e.balanceAfter());
        } else if (payload instanceof HoldReleasedEvent e) {
            reported = move(0, -e.amount().nanos(), null);
        } else if (payload instanceof UsageRefundedEvent e) {
            reported = move(e.amount().nanos(), 0, e.balanceAfter());
        } else if (payload instanceof PaymentRefundDebitedEvent e) {
            reported = move(-e.amount().nanos(), 0, e.balanceAfter());
        } else if (payload instanceof BalanceAdjustedEvent e) {
            reported = move(e.amount().nanos(), 0, e.balanceAfter());
        }
        events++;
        lastSequence = sequence;
        if (reported != null && reported.nanos() != total && firstDisagreement == null) {
            firstDisagreement = "event " + sequence + " says balance " + reported.toDecimal().toPlainString()
                    + ", its movements sum to " + money(total).toDecimal().toPlainString();
        }
    }

    private Money move(long totalDelta, long heldDelta, Money reportedAfter) {
        total = Math.addExact(total, totalDelta);
        held = Math.addExact(held, heldDelta);
        return reportedAfter;
    }

    String accountId() {
        return accountId;
    }

    Money total() {
        return money(total);
    }

    Money held() {
        return money(held);
    }

    long events() {
        return events;
    }

    Long lastSequence() {
        return lastSequence;
    }

    String firstDisagreement() {
        return firstDisagreement;
    }

    private Money money(long nanos) {
        return new Money(nanos, currency == null ? "CNY" : currency);
    }
}
