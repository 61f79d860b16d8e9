package ai.massrouter.api.audit;

import ai.massrouter.api.account.AccountId;

/** The account's events as recorded, from {@code fromSequence} on, at most {@code limit}. */
public record FindAccountEventsQuery(AccountId accountId, long fromSequence, int limit) {
}
