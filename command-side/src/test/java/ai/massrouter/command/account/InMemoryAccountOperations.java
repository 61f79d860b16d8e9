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
    public Map<AccountId, Map<OperationId, AccountOperationResult>> findAll(
            Map<AccountId, ? extends Collection<OperationId>> operationIds) {
        Map<AccountId, Map<OperationId, AccountOperationResult>> found = new HashMap<>();
        operationIds.forEach((account, ids) -> ids.forEach(id -> find(account, id)
                .ifPresent(r -> found.computeIfAbsent(account, a -> new HashMap<>()).put(id, r))));
        return found;
    }

    @Override
    public void recordAll(Map<AccountId, List<AccountOperationResult>> results) {
        for (List<AccountOperationResult> list : results.values()) {
            for (AccountOperationResult r : list) {
                if (recorded.putIfAbsent(r.operationId(), r) != null) {
                    throw new ConcurrentOperationException("duplicate " + r.operationId());
                }
            }
        }
    }
}
