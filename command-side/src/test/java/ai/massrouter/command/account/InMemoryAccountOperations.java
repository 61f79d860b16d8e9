package ai.massrouter.command.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.OperationId;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operations record's contract in memory, for fixtures; the JDBC one is covered over HTTP. */
class InMemoryAccountOperations implements AccountOperations {

    final Map<OperationId, AccountOperationResult> recorded = new HashMap<>();

    @Override
    public Optional<AccountOperationResult> find(AccountId accountId, OperationId operationId) {
        return Optional.ofNullable(recorded.get(operationId));
    }

    @Override
    public Map<OperationId, AccountOperationResult> findAll(AccountId accountId,
                                                           Collection<OperationId> operationIds) {
        Map<OperationId, AccountOperationResult> found = new HashMap<>();
        operationIds.forEach(id -> find(accountId, id).ifPresent(r -> found.put(id, r)));
        return found;
    }

    @Override
    public void recordAll(AccountId accountId, List<AccountOperationResult> results) {
        for (AccountOperationResult r : results) {
            if (recorded.putIfAbsent(r.operationId(), r) != null) {
                throw new ConcurrentOperationException("duplicate " + r.operationId());
            }
        }
    }
}
