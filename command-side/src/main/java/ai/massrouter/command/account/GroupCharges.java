package ai.massrouter.command.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.ChargeAccountsCommand;
import ai.massrouter.api.account.ChargeUsageBatchCommand;
import ai.massrouter.api.account.OperationId;
import ai.massrouter.api.account.UsageBatchResult;
import ai.massrouter.command.config.LatestSequences;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Many accounts' charges in one unit of work: one query for the streams' versions, one for the
 * operation ids already recorded, the same decisions as {@link AccountAggregate}'s own batch
 * handler for each account, one batch insert of operation rows and one of events, one commit.
 * Accounts are taken in the order of their ids, so that two such units of work on this node lock
 * them (and on any node insert their rows) in one order and never wait for each other in a circle.
 */
@Component
public class GroupCharges {

    private final Repository<AccountAggregate> accounts;
    private final AccountOperations operations;
    private final LatestSequences latestSequences;

    public GroupCharges(Repository<AccountAggregate> accounts, AccountOperations operations,
                        LatestSequences latestSequences) {
        this.accounts = accounts;
        this.operations = operations;
        this.latestSequences = latestSequences;
    }

    @CommandHandler
    public List<UsageBatchResult> handle(ChargeAccountsCommand c) {
        List<ChargeUsageBatchCommand> batches = c.batches();
        Integer[] order = IntStream.range(0, batches.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparing(i -> batches.get(i).accountId().value()));
        Map<AccountId, List<OperationId>> ids = new LinkedHashMap<>();
        for (int i : order) {
            ids.computeIfAbsent(batches.get(i).accountId(), a -> new ArrayList<>())
                    .addAll(AccountAggregate.usageOperations(batches.get(i)));
        }
        latestSequences.prefetch(ids.keySet().stream().map(AccountId::value).toList());
        Map<AccountId, Map<OperationId, AccountOperationResult>> recorded = new HashMap<>();
        operations.findAll(ids).forEach((account, found) -> recorded.put(account, new HashMap<>(found)));
        Map<AccountId, List<AccountOperationResult>> fresh = new LinkedHashMap<>();
        UsageBatchResult[] results = new UsageBatchResult[batches.size()];
        for (int i : order) {
            ChargeUsageBatchCommand batch = batches.get(i);
            Map<OperationId, AccountOperationResult> known = recorded.computeIfAbsent(batch.accountId(),
                    a -> new HashMap<>());
            ChargedBatch charged = accounts.load(batch.accountId().value()).invoke(account -> account.charge(batch, known));
            fresh.computeIfAbsent(batch.accountId(), a -> new ArrayList<>()).addAll(charged.recorded());
            results[i] = charged.result();
        }
        operations.recordAll(fresh);
        return List.of(results);
    }
}
