package ai.massrouter.api.audit;

import java.time.Duration;

/**
 * Recomputes every account's balance from the whole event log and compares it with the read model,
 * and reconciles every money flow from both sides. A flow younger than {@code grace} that is still
 * under way (a success whose credit the payment process has not made yet) is counted, not a break.
 */
public record CheckLedgerQuery(Duration grace) {
}
