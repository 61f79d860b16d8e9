package ai.massrouter.api.account;

import ai.massrouter.api.common.PageRequest;

import java.time.Instant;

/**
 * An account's transactions, newest first, optionally within [from, to), of one type, and of one
 * request ({@code requestId}: the operation id a charge was recorded under, e.g. a gateway call's id).
 */
public record FindTransactionsQuery(AccountId accountId, Instant from, Instant to, TransactionType type,
                                    PageRequest page, String requestId) {

    public FindTransactionsQuery(AccountId accountId, Instant from, Instant to, TransactionType type,
                                 PageRequest page) {
        this(accountId, from, to, type, page, null);
    }
}
