package ai.massrouter.command.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.ChargeAccountsCommand;
import ai.massrouter.api.account.ChargeUsageBatchCommand;
import ai.massrouter.api.account.HoldStep;
import ai.massrouter.api.account.HoldStepOutcome;
import ai.massrouter.api.account.HoldStepsCommand;
import ai.massrouter.api.account.OperationId;
import ai.massrouter.api.account.UsageBatchResult;
import ai.massrouter.command.config.LatestSequences;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Many accounts' charges, or many gateway calls' hold steps, in one unit of work: one query for
 * the streams' versions, one for the operation ids already recorded, the same decisions as
 * {@link AccountAggregate}'s own handlers for each command, one batch insert of operation rows and
 * one of events, one commit. Accounts are taken in the order of their ids, so that two such units
 * of work on this node lock them (and on any node insert their rows) in one order and never wait
 * for each other in a circle.
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
        return together(c.batches(), ChargeUsageBatchCommand::accountId, AccountAggregate::usageOperations,
                (account, batch, recorded, fresh) -> {
                    ChargedBatch charged = account.charge(batch, recorded);
                    fresh.addAll(charged.recorded());
                    return charged.result();
                });
    }

    /**
     * Hold steps are named by the gateway's own request ids, so a step is recorded already only when a
     * retry follows a lost answer: their ids are not looked up in advance. A refused step looks its id
     * up (a step that succeeded before and is refused now answers its first result, as its own handler
     * does); a step that succeeded before and would succeed again meets its operation row at the
     * insert, which fails the unit of work, and each step is then sent alone.
     */
    @CommandHandler
    public List<HoldStepOutcome> handle(HoldStepsCommand c) {
        return together(c.steps(), HoldStep::accountId, step -> List.of(), (account, step, recorded, fresh) -> {
            HoldStepOutcome outcome = account.step(step, recorded, fresh);
            if (outcome.error() == null) {
                return outcome;
            }
            return operations.find(step.accountId(), step.operationId())
                    .map(first -> new HoldStepOutcome(first.asReplay(), null)).orElse(outcome);
        });
    }

    /** Decides each command on its account, in the order of the accounts, and records what moved. */
    private <C, R> List<R> together(List<C> commands, Function<C, AccountId> accountOf,
                                    Function<C, List<OperationId>> operationsOf, Decision<C, R> decision) {
        Integer[] order = IntStream.range(0, commands.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparing(i -> accountOf.apply(commands.get(i)).value()));
        Map<AccountId, List<OperationId>> ids = new LinkedHashMap<>();
        for (int i : order) {
            ids.computeIfAbsent(accountOf.apply(commands.get(i)), a -> new ArrayList<>())
                    .addAll(operationsOf.apply(commands.get(i)));
        }
        latestSequences.prefetch(ids.keySet().stream().map(AccountId::value).toList());
        Map<AccountId, Map<OperationId, AccountOperationResult>> recorded = new HashMap<>();
        operations.findAll(ids).forEach((account, found) -> recorded.put(account, new HashMap<>(found)));
        Map<AccountId, List<AccountOperationResult>> fresh = new LinkedHashMap<>();
        List<R> results = new ArrayList<>(Collections.nCopies(commands.size(), null));
        for (int i : order) {
            C command = commands.get(i);
            AccountId accountId = accountOf.apply(command);
            Map<OperationId, AccountOperationResult> known = recorded.computeIfAbsent(accountId, a -> new HashMap<>());
            List<AccountOperationResult> moved = fresh.computeIfAbsent(accountId, a -> new ArrayList<>());
            results.set(i, accounts.load(accountId.value()).invoke(account -> decision.decide(account, command, known, moved)));
        }
        operations.recordAll(fresh);
        return results;
    }

    /**
     * One command decided and applied on its loaded account: {@code recorded} holds the account's
     * operations already recorded (and gains the new ones), {@code fresh} gains what is to be recorded.
     */
    @FunctionalInterface
    private interface Decision<C, R> {
        R decide(AccountAggregate account, C command, Map<OperationId, AccountOperationResult> recorded,
                 List<AccountOperationResult> fresh);
    }
}
