package ai.massrouter.api.audit;

import ai.massrouter.api.common.Money;

import java.time.Instant;
import java.util.List;

/** {@code balanced} when every account's recomputed balance equals its recorded and read-model ones. */
public record LedgerCheckView(boolean balanced, long accountsChecked, long eventsRead, Money totalBalance,
                              List<Mismatch> mismatches, Instant checkedAt) {

    /** {@code problem} says which source disagrees: the read model, or an event's own balance-after. */
    public record Mismatch(String accountId, String problem, Money fromEvents, Money other) {
    }
}
