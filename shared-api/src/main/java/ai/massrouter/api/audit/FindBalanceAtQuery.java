package ai.massrouter.api.audit;

import ai.massrouter.api.account.AccountId;

import java.time.Instant;

/** The account's balance at an instant, recomputed from its events up to and including that instant. */
public record FindBalanceAtQuery(AccountId accountId, Instant at) {
}
