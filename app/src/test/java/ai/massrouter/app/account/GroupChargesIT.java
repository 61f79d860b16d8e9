package ai.massrouter.app.account;

import ai.massrouter.api.account.ChargeAccountsCommand;
import ai.massrouter.api.account.ChargeUsageBatchCommand;
import ai.massrouter.api.account.UsageBatchResult;
import ai.massrouter.api.account.UsageCharge;
import ai.massrouter.api.account.UsageChargeOutcome;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.user.UserId;
import ai.massrouter.app.support.AtOnce;
import ai.massrouter.app.support.PlatformIT;
import ai.massrouter.command.account.ChargeCoalescer;
import org.awaitility.Awaitility;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static ai.massrouter.app.support.MoneyFixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Many accounts' charges in one unit of work and one commit, against the real event store and database. */
class GroupChargesIT extends PlatformIT {

    private static final Money TEN_CENTS = Money.ofDecimal(new java.math.BigDecimal("0.10"), "CNY");

    @Autowired
    CommandGateway commands;
    @Autowired
    ChargeCoalescer coalescer;
    @Autowired
    MeterRegistry meters;

    private User fundedUser(String amount) {
        return fundedUser("group", amount);
    }

    private static ChargeUsageBatchCommand charges(User user, String... requestIds) {
        UsageDetails usage = new UsageDetails(UserId.of(user.id()), null, ModelId.of("mock/echo"), "mock", "chat", 100_000, 0,
                new ModelPricing(Money.of(1, "CNY"), Money.of(1, "CNY")));
        return new ChargeUsageBatchCommand(user.account(), java.util.Arrays.stream(requestIds)
                .map(id -> new UsageCharge(id, usage, TEN_CENTS, SpendLimits.NONE)).toList(), Instant.now());
    }

    private static String status(UsageChargeOutcome outcome) {
        return outcome.error() != null ? outcome.error().code().name()
                : outcome.result().replayed() ? "duplicate" : "charged";
    }

    private void awaitTotal(User user, String total) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(balance(api, user.token()).path("total").decimalValue()).isEqualByComparingTo(total));
    }

    @Test
    void aGroupWithARefusalAndADuplicate_refusesOnlyThose_andCommitsTheOthers() {
        User alice = fundedUser("0.15");
        User bob = fundedUser("1.00");
        coalescer.charge(charges(bob, "bob-1"));

        List<UsageBatchResult> results = commands.sendAndWait(new ChargeAccountsCommand(List.of(
                charges(alice, "alice-1", "alice-2"), charges(bob, "bob-1", "bob-2"), charges(alice, "alice-1"))));

        assertThat(results.get(0).outcomes()).extracting(GroupChargesIT::status).containsExactly("charged", "BILL_001");
        assertThat(results.get(1).outcomes()).extracting(GroupChargesIT::status).containsExactly("duplicate", "charged");
        assertThat(results.get(2).outcomes()).extracting(GroupChargesIT::status).containsExactly("duplicate");
        awaitTotal(alice, "0.05");
        awaitTotal(bob, "0.80");
        assertLedgerReconciled();
    }

    @Test
    void aFailureMidGroup_movesNothing_andEachCallerIsThenChargedAlone() throws Exception {
        User alice = fundedUser("1.00");
        User bob = fundedUser("1.00");
        String tooLong = "x".repeat(201); // the operation row refuses it: an error the database raises mid-group
        ChargeUsageBatchCommand bad = charges(bob, tooLong);
        long countedBefore = meteredCharges();

        assertThatThrownBy(() -> commands.sendAndWait(new ChargeAccountsCommand(List.of(
                charges(alice, "a-1"), bad, charges(bob, "b-1")))))
                .isInstanceOf(RuntimeException.class);
        List<Object> answers = AtOnce.run(9, 9, i -> {
            try {
                return i == 4 ? coalescer.charge(bad) : coalescer.charge(charges(i % 2 == 0 ? alice : bob, "c-" + i));
            } catch (RuntimeException refused) {
                return refused;
            }
        });

        for (int i = 0; i < answers.size(); i++) {
            if (i == 4) {
                assertThat(answers.get(i)).isInstanceOf(RuntimeException.class);
            } else {
                assertThat(status(((UsageBatchResult) answers.get(i)).outcomes().get(0))).isEqualTo("charged");
            }
        }
        // nothing of the failed group moved: alice has only her four charges made afterwards, bob his four
        awaitTotal(alice, "0.60");
        awaitTotal(bob, "0.60");
        assertLedgerReconciled();
        // the metrics count what committed: the eight charges, not the rolled-back group nor the refused one
        assertThat(meteredCharges() - countedBefore).isEqualTo(8);
    }

    /** A count of charges (Micrometer keeps counts as doubles; these are whole numbers). */
    private long meteredCharges() {
        Counter counter = meters.find("massrouter.charges").tag("source", "metered").tag("model", "mock/echo").counter();
        return counter == null ? 0 : Math.round(counter.count());
    }

    @Test
    void fiftyConcurrentCharges_againstABalanceForThirty_chargeExactlyThirty() throws Exception {
        User user = fundedUser("3.00");
        List<UsageBatchResult> results = AtOnce.run(50, 50, i -> coalescer.charge(charges(user, "fifty-" + i)));

        assertThat(results).extracting(r -> status(r.outcomes().get(0)))
                .filteredOn("charged"::equals).hasSize(30);
        assertThat(results).extracting(r -> status(r.outcomes().get(0)))
                .filteredOn(s -> !s.equals("charged")).containsOnly("BILL_001");
        awaitTotal(user, "0");
        assertLedgerReconciled();
    }
}
