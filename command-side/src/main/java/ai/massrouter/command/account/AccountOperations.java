package ai.massrouter.command.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.OperationId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of every money movement's operation id, (origin, id), and first result, kept by the
 * {@link AccountAggregate} in the same transaction as its events: the idempotency of the ledger.
 */
public interface AccountOperations {

    Optional<AccountOperationResult> find(AccountId accountId, OperationId operationId);

    /** The recorded results of the ids that were recorded (of any origins). */
    default Map<OperationId, AccountOperationResult> findAll(AccountId accountId, Collection<OperationId> operationIds) {
        return findAll(Map.of(accountId, operationIds)).getOrDefault(accountId, Map.of());
    }

    /** The same for many accounts at once (one query). */
    Map<AccountId, Map<OperationId, AccountOperationResult>> findAll(
            Map<AccountId, ? extends Collection<OperationId>> operationIds);

    /** Records the results; throws {@link ConcurrentOperationException} if another transaction recorded one first. */
    default void recordAll(AccountId accountId, List<AccountOperationResult> results) {
        recordAll(Map.of(accountId, results));
    }

    /** The same for many accounts at once (one batch of inserts). */
    void recordAll(Map<AccountId, List<AccountOperationResult>> results);
}
