package ai.massrouter.command.account;

import ai.massrouter.api.account.ChargeAccountsCommand;
import ai.massrouter.api.account.ChargeUsageBatchCommand;
import ai.massrouter.api.account.UsageBatchResult;
import ai.massrouter.api.account.UsageCharge;
import ai.massrouter.api.account.UsageChargeOutcome;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.DomainException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static ai.massrouter.command.account.AccountAggregateTest.ACCOUNT;
import static ai.massrouter.command.account.AccountAggregateTest.T0;
import static ai.massrouter.command.account.AccountAggregateTest.USAGE;
import static ai.massrouter.command.account.AccountAggregateTest.yuan;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the coalescer forms units of work and answers its callers, with the account's handlers
 * replaced by ones that record what they were sent (the decisions are {@link AccountAggregateTest}'s
 * and GroupChargesIT's).
 */
class ChargeCoalescerTest {

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> alone = Collections.synchronizedList(new ArrayList<>());
    private ChargeCoalescer coalescer;

    @AfterEach
    void stop() {
        coalescer.stop();
    }

    private static ChargeUsageBatchCommand charge(String requestId) {
        return new ChargeUsageBatchCommand(ACCOUNT, List.of(new UsageCharge(requestId, USAGE, yuan(1),
                SpendLimits.NONE)), T0);
    }

    private static UsageBatchResult answer(ChargeUsageBatchCommand batch) {
        return new UsageBatchResult(batch.charges().stream()
                .map(c -> new UsageChargeOutcome(c.requestId(), null, null)).toList());
    }

    private void start(int flushers, Function<ChargeAccountsCommand, List<UsageBatchResult>> group) {
        start(true, flushers, group);
    }

    private void start(boolean enabled, int flushers, Function<ChargeAccountsCommand, List<UsageBatchResult>> group) {
        bus.subscribe(ChargeAccountsCommand.class.getName(), message -> {
            ChargeAccountsCommand c = (ChargeAccountsCommand) ((CommandMessage<?>) message).getPayload();
            groupSizes.add(c.batches().size());
            return group.apply(c);
        });
        bus.subscribe(ChargeUsageBatchCommand.class.getName(), message -> {
            ChargeUsageBatchCommand c = (ChargeUsageBatchCommand) ((CommandMessage<?>) message).getPayload();
            String requestId = c.charges().get(0).requestId();
            alone.add(requestId);
            if (requestId.startsWith("bad")) {
                throw DomainException.invalid("request_id", "refused alone");
            }
            return answer(c);
        });
        coalescer = new ChargeCoalescer(DefaultCommandGateway.builder().commandBus(bus).build(), bus, enabled, flushers,
                500);
    }

    private CompletableFuture<Object> submit(String requestId) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return coalescer.charge(charge(requestId));
            } catch (RuntimeException e) {
                return e;
            }
        });
    }

    @Test
    void chargesThatWaitWhileAUnitOfWorkIsWritten_goIntoTheNextOneTogether() throws Exception {
        CountDownLatch firstGroupWrites = new CountDownLatch(1);
        start(1, c -> {
            if (groupSizes.size() == 1) {
                await(firstGroupWrites);
            }
            return c.batches().stream().map(ChargeCoalescerTest::answer).toList();
        });
        CompletableFuture<Object> first = submit("r-0");
        eventually(() -> groupSizes.size() == 1);
        List<CompletableFuture<Object>> waiting = List.of(submit("r-1"), submit("r-2"), submit("r-3"));
        eventually(() -> coalescer.waiting() == 3);
        firstGroupWrites.countDown();

        assertThat(first.get()).isInstanceOf(UsageBatchResult.class);
        for (int i = 0; i < 3; i++) {
            UsageBatchResult result = (UsageBatchResult) waiting.get(i).get();
            assertThat(result.outcomes().get(0).requestId()).isEqualTo("r-" + (i + 1));
        }
        assertThat(groupSizes).containsExactly(1, 3);
        assertThat(alone).isEmpty();
    }

    @Test
    void aUnitOfWorkThatFails_isChargedOneBatchAtATime_eachCallerGettingItsOwnAnswer() throws Exception {
        CountDownLatch firstGroupWrites = new CountDownLatch(1);
        start(1, c -> {
            if (groupSizes.size() == 1) {
                await(firstGroupWrites);
                return List.of(answer(c.batches().get(0)));
            }
            throw new IllegalStateException("the database refused a row of the group");
        });
        CompletableFuture<Object> first = submit("r-0");
        eventually(() -> groupSizes.size() == 1);
        CompletableFuture<Object> good1 = submit("r-1");
        CompletableFuture<Object> bad = submit("bad-2");
        CompletableFuture<Object> good2 = submit("r-3");
        eventually(() -> coalescer.waiting() == 3);
        firstGroupWrites.countDown();

        assertThat(first.get()).isInstanceOf(UsageBatchResult.class);
        assertThat(((UsageBatchResult) good1.get()).outcomes().get(0).requestId()).isEqualTo("r-1");
        assertThat(((UsageBatchResult) good2.get()).outcomes().get(0).requestId()).isEqualTo("r-3");
        assertThat(bad.get()).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused).hasMessageContaining("refused alone"));
        assertThat(groupSizes).containsExactly(1, 3);
        assertThat(alone).containsExactlyInAnyOrder("r-1", "bad-2", "r-3");
    }

    @Test
    void switchedOff_sendsEachBatchAlone() {
        start(false, 1, c -> List.of());
        assertThat(coalescer.charge(charge("r-0")).outcomes()).hasSize(1);
        assertThat(groupSizes).isEmpty();
        assertThat(alone).containsExactly("r-0");
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("reached within 5 s").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
