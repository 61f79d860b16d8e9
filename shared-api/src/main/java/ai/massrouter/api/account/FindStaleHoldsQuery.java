package ai.massrouter.api.account;

import java.time.Instant;

/** Open holds placed before {@code heldBefore}, oldest first, at most {@code limit}; answered by a {@link StaleHoldsView}. */
public record FindStaleHoldsQuery(Instant heldBefore, int limit) {
}
