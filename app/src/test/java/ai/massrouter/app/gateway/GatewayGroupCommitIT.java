package ai.massrouter.app.gateway;

import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.HoldId;
import ai.massrouter.api.account.HoldStep;
import ai.massrouter.api.account.HoldStepOutcome;
import ai.massrouter.api.account.HoldStepsCommand;
import ai.massrouter.api.account.PlaceHoldCommand;
import ai.massrouter.api.account.ReleaseHoldCommand;
import ai.massrouter.api.account.SettleHoldCommand;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.GenerationId;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.api.generation.RecordGenerationCommand;
import ai.massrouter.api.generation.RecordGenerationsCommand;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.user.UserId;
import ai.massrouter.app.support.ApiClient;
import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.AtOnce;
import ai.massrouter.gateway.HoldSteps;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static ai.massrouter.app.support.MoneyFixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's holds, settlements and releases are committed in groups ({@code HoldSteps},
 * {@code HoldStepsCommand}): concurrent calls still never hold more than the balance, a refused or
 * repeated step in a group is answered alone, and a group that fails as a whole moves nothing and
 * leaves each step to be sent alone.
 */
class GatewayGroupCommitIT extends GatewayIT {

    private static final Money CNY = Money.of(1, "CNY");

    @Autowired
    CommandGateway commands;
    @Autowired
    HoldSteps holdSteps;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcTemplate jdbc;

    /** Units of work of hold steps the gateway has sent so far. */
    private long groupsSent() {
        return meters.find("massrouter.gateway.ledger").tag("message", "HoldStepsCommand").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    @Test
    void concurrentCalls_holdNoMoreThanTheBalance_andEachSucceedingCallIsChargedOnce() throws Exception {
        // no input price and max_tokens at the upstream's completion: a call holds exactly what it costs, 0.30
        String model = model("0", "1000.00", "local-a", "ok");
        Consumer consumer = consumer("3.00");
        long groupsBefore = groupsSent();
        List<Response> responses = AtOnce.run(24, 24, i -> new ApiClient(port).post("/v1/chat/completions",
                chat(model, "max_tokens", LocalOpenAiServer.COMPLETION_TOKENS), consumer.key()));

        assertThat(responses).extracting(Response::status).filteredOn(s -> s == 200).hasSize(10);
        assertThat(responses).extracting(Response::status).filteredOn(s -> s != 200).containsOnly(402);
        for (Response ok : responses.stream().filter(r -> r.status() == 200).toList()) {
            assertThat(ok.json().path("usage").path("cost").decimalValue()).as(ok.toString())
                    .isEqualByComparingTo("0.30");
        }
        awaitBalance(consumer.jwt(), "0", "0");
        // 24 holds and 10 settlements went in fewer units of work: steps that waited together were committed together
        assertThat(groupsSent() - groupsBefore).isBetween(1L, 33L);
        assertThat(eventTypes(consumer)).filteredOn("HoldSettledEvent"::equals).hasSize(10);
        for (Response ok : responses.stream().filter(r -> r.status() == 200).toList()) {
            assertThat(generation(consumer, ok.json().path("id").asText()).path("charged").decimalValue())
                    .isEqualByComparingTo("0.30");
        }
        assertLedgerReconciled();
    }

    @Test
    void aGroupWithARefusalAndARepeat_answersEachStepAlone_andCommitsTheRest() {
        User alice = fundedUser("steps", "1.00");
        User bob = fundedUser("steps", "0.50");
        HoldStep aliceHold = hold(alice, "call-a", "0.40");

        List<HoldStepOutcome> outcomes = commands.sendAndWait(new HoldStepsCommand(List.of(
                aliceHold,
                hold(bob, "call-b", "0.60"),                     // more than bob has: BILL_001
                new ReleaseHoldCommand(bob.account(), HoldId.of("no-such-call"), "gone", Instant.now()),
                hold(bob, "call-b2", "0.50"),
                aliceHold)));                                    // the same step twice: once

        assertThat(outcomes).extracting(o -> o.error() == null ? "ok" : o.error().code().name())
                .containsExactly("ok", "BILL_001", "ERR_004", "ok", "ok");
        assertThat(outcomes.get(4).result().replayed()).isTrue();
        assertThat(outcomes.get(4).result().operationId()).isEqualTo(outcomes.get(0).result().operationId());

        // the rest of each call, in a second group: alice's settles at 0.25, bob's is released
        List<HoldStepOutcome> finished = commands.sendAndWait(new HoldStepsCommand(List.of(
                settle(alice, "call-a", "0.25"),
                new ReleaseHoldCommand(bob.account(), HoldId.of("call-b2"), "upstream failed", Instant.now()))));
        assertThat(finished).allSatisfy(o -> assertThat(o.error()).isNull());

        // sent again after their commits (a retry after a lost answer): each answers its first result, nothing moves
        assertThat(holdSteps.send(aliceHold).replayed()).isTrue();
        HoldStepOutcome settledAgain = commands.<List<HoldStepOutcome>>sendAndWait(
                new HoldStepsCommand(List.of(settle(alice, "call-a", "0.99")))).get(0);
        assertThat(settledAgain.error()).isNull();
        assertThat(settledAgain.result().replayed()).isTrue();
        assertThat(settledAgain.result().amount().toDecimal()).isEqualByComparingTo("0.25");
        awaitBalance(alice, "0.75", "0");
        awaitBalance(bob, "0.50", "0");
        assertLedgerReconciled();
    }

    @Test
    void aGroupThatFailsAsAWhole_movesNothing_andEachStepThenGoesAlone() throws Exception {
        User user = fundedUser("steps", "1.00");
        HoldStep tooLong = hold(user, "x".repeat(201), "0.10"); // the operation row refuses it, mid-group

        assertThatThrownBy(() -> commands.sendAndWait(new HoldStepsCommand(List.of(
                hold(user, "g-1", "0.10"), tooLong, hold(user, "g-2", "0.10")))))
                .isInstanceOf(RuntimeException.class);
        awaitBalance(user, "1.00", "0");

        List<Object> answers = AtOnce.run(9, 9, i -> {
            try {
                return i == 4 ? holdSteps.send(tooLong) : holdSteps.send(hold(user, "h-" + i, "0.10"));
            } catch (RuntimeException refused) {
                return refused;
            }
        });
        for (int i = 0; i < answers.size(); i++) {
            if (i == 4) {
                assertThat(answers.get(i)).isInstanceOf(RuntimeException.class).isNotInstanceOf(DomainException.class);
            } else {
                assertThat(answers.get(i)).isInstanceOf(AccountOperationResult.class);
            }
        }
        awaitBalance(user, "1.00", "0.80");
        assertLedgerReconciled();
    }

    @Test
    void generationRecords_goInOneUnitOfWork_andARepeatedOneFailsTheGroupWithoutWritingAny() {
        User user = newUser("records");
        RecordGenerationCommand first = record(user, "chatcmpl-group-" + java.util.UUID.randomUUID());
        RecordGenerationCommand second = record(user, "chatcmpl-group-" + java.util.UUID.randomUUID());

        assertThatThrownBy(() -> commands.sendAndWait(new RecordGenerationsCommand(List.of(first, second, first))))
                .isInstanceOf(RuntimeException.class);
        assertThat(recordedEvents(first, second)).isZero();

        commands.sendAndWait(new RecordGenerationsCommand(List.of(first, second)));
        assertThat(recordedEvents(first, second)).isEqualTo(2);
    }

    private long recordedEvents(RecordGenerationCommand... records) {
        return java.util.Arrays.stream(records).mapToLong(r -> jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                r.generationId().value())).sum();
    }

    private static RecordGenerationCommand record(User user, String requestId) {
        Instant now = Instant.now();
        return new RecordGenerationCommand(GenerationId.of(requestId), UserId.of(user.id()), null, "chat.completions",
                ModelId.of("mock/echo"), "mock", List.of(), 10, 5, 0, 0, money("0.01"), money("0.01"), 3L, 7,
                false, GenerationOutcome.COMPLETED, null, now, now);
    }

    private static PlaceHoldCommand hold(User user, String callId, String amount) {
        return new PlaceHoldCommand(user.account(), HoldId.of(callId), money(amount), null, SpendLimits.NONE,
                "chat.completions mock/echo", Instant.now());
    }

    private static SettleHoldCommand settle(User user, String callId, String cost) {
        return new SettleHoldCommand(user.account(), HoldId.of(callId), new UsageDetails(UserId.of(user.id()), null,
                ModelId.of("mock/echo"), "mock", "chat", 250_000, 0, new ModelPricing(CNY, CNY)), money(cost), Instant.now());
    }

    private void awaitBalance(User user, String total, String onHold) {
        awaitBalance(user.token(), total, onHold);
    }

    private void awaitBalance(String token, String total, String onHold) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode balance = balance(api, token);
            assertThat(balance.path("total").decimalValue()).isEqualByComparingTo(total);
            assertThat(balance.path("on_hold").decimalValue()).isEqualByComparingTo(onHold);
        });
    }

    private static Money money(String amount) {
        return Money.ofDecimal(new BigDecimal(amount), "CNY");
    }
}
