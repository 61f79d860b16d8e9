package ai.massrouter.api.account;

import ai.massrouter.api.common.PageRequest;

import java.time.Instant;

/** An account's transactions, newest first, optionally within [from, to) and of one type. */
public record FindTransactionsQuery(AccountId accountId, Instant from, Instant to, TransactionType type,
                                    PageRequest page) {
}
