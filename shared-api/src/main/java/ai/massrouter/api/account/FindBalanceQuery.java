package ai.massrouter.api.account;

/** Answered by a {@link BalanceView}, or nothing when the account is not in the read model yet. */
public record FindBalanceQuery(AccountId accountId) {
}
