package ai.massrouter.api.audit;

import ai.massrouter.api.common.Money;

import java.time.Instant;

public record BalanceAtView(String accountId, Instant at, Money total, Money onHold, long eventsApplied,
                            Long lastSequence) {
}
