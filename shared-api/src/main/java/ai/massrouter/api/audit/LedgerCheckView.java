package ai.massrouter.api.audit;

import ai.massrouter.api.common.Money;

import java.time.Instant;
import java.util.List;

/**
 * {@code balanced} when every account's recomputed balance equals its recorded and read-model ones;
 * {@code reconciled} when, besides, every money flow read from the log matches from both sides
 * (payments and their credits, payment refunds and their debits, holds and their settlements):
 * {@code breaks} lists each flow that does not, with its ids.
 */
public record LedgerCheckView(boolean balanced, boolean reconciled, long accountsChecked, long eventsRead,
                              Money totalBalance, List<Mismatch> mismatches, Flows flows, List<Break> breaks,
                              Instant checkedAt) {

    /** {@code problem} says which source disagrees: the read model, or an event's own balance-after. */
    public record Mismatch(String accountId, String problem, Money fromEvents, Money other) {
    }

    /**
     * What the reconciliation saw: payments that succeeded and the top-up credits, payment refunds
     * completed, holds placed (of them gateway calls) and still open, and flows still under way
     * (a success not yet credited, a debited refund not yet completed, younger than the grace period).
     */
    public record Flows(long paymentsSucceeded, long topUpCredits, long paymentRefunds, long refundDebits, long holds,
                        long gatewayCalls, long holdsOpen, long inFlight) {
    }

    /**
     * One money flow whose two sides do not match. {@code kind} names the rule broken (e.g.
     * {@code payment_not_credited}, {@code hold_closed_twice}); the ids say which flow; unused ids are null.
     */
    public record Break(String kind, String accountId, String paymentId, String refundId, String holdId,
                        String detail) {
    }
}
