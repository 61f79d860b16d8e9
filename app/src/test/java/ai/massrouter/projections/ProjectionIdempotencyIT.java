package ai.massrouter.projections;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOpenedEvent;
import ai.massrouter.api.account.FundsHeldEvent;
import ai.massrouter.api.account.HoldId;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.account.OperationId;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.account.UsageChargedEvent;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.GenerationId;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.api.generation.GenerationRecordedEvent;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.user.UserId;
import ai.massrouter.app.support.PlatformIT;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each projection applied the same events twice ends exactly where it ended after once. */
class ProjectionIdempotencyIT extends PlatformIT {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void accountsModelsAndStatistics_sameEventTwice_changeNothing() throws Exception {
        AccountId account = AccountId.of("acc_idempotency");
        UserId user = UserId.of("usr_idempotency");
        Money yuan = Money.of(1, "CNY");
        UsageDetails usage = new UsageDetails(user, null, ModelId.of("test/idempotency"), "mock", "chat", 10, 5,
                new ModelPricing(yuan, yuan));
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        List<EventMessage<?>> events = List.of(
                new GenericDomainEventMessage<>("AccountAggregate", account.value(), 0,
                        new AccountOpenedEvent(account, user, "CNY", at)),
                new GenericDomainEventMessage<>("AccountAggregate", account.value(), 1,
                        new UsageChargedEvent(account, user, OperationId.of(OperationOrigin.USAGE, "op-1"), usage, new Money(15, "CNY"), new Money(-15, "CNY"), at)));

        applyTwice("accounts", events);
        applyTwice("models", events);
        applyTwice("statistics", events);

        assertThat(jdbc.queryForMap("SELECT balance_nanos, last_sequence FROM account_balances_view WHERE account_id = ?",
                account.value())).isEqualTo(Map.of("balance_nanos", -15L, "last_sequence", 1L));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_transactions_view WHERE account_id = ?",
                Long.class, account.value())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT calls FROM model_popularity_view WHERE model_id = 'test/idempotency'",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_sequence FROM model_calls_applied WHERE account_id = ?", Long.class,
                account.value())).isEqualTo(1);
        // 2026-01-01T00:00Z is 08:00 in Shanghai: one call, one user, in each period that holds it
        assertThat(jdbc.queryForList("SELECT period, calls, users, spend_nanos FROM stat_model_period "
                + "WHERE model_id = 'test/idempotency' AND start_day <= DATE '2026-01-01' ORDER BY period")).containsExactly(
                Map.of("period", "d", "calls", 1L, "users", 1L, "spend_nanos", 15L),
                Map.of("period", "m", "calls", 1L, "users", 1L, "spend_nanos", 15L),
                Map.of("period", "w", "calls", 1L, "users", 1L, "spend_nanos", 15L),
                Map.of("period", "y", "calls", 1L, "users", 1L, "spend_nanos", 15L));
        assertThat(jdbc.queryForObject("SELECT calls FROM stat_user_totals WHERE user_id = ?", Long.class,
                user.value())).isEqualTo(1);
    }

    @Test
    void generations_sameEventTwice_changeNothing() throws Exception {
        AccountId account = AccountId.of("acc_gen_idem");
        UserId user = UserId.of("usr_gen_idem");
        Money held = Money.of(1, "CNY");
        Money charged = new Money(1500, "CNY");
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        UsageDetails usage = new UsageDetails(user, ApiKeyId.of("key_1"), ModelId.of("mock/echo"), "mock", "chat", 10, 5,
                new ModelPricing(held, held), 0L, 0L);
        List<EventMessage<?>> events = List.of(
                new GenericDomainEventMessage<>("AccountAggregate", account.value(), 5,
                        new FundsHeldEvent(account, user, HoldId.of("chatcmpl-idem"), ApiKeyId.of("key_1"), held, "chat.completions mock/echo",
                                held, held, at)),
                new GenericDomainEventMessage<>("AccountAggregate", account.value(), 6,
                        new HoldSettledEvent(account, user, HoldId.of("chatcmpl-idem"), usage, held, charged, held.minus(charged),
                                Money.zero("CNY"), held.minus(charged), Money.zero("CNY"), at)),
                new GenericDomainEventMessage<>("GenerationAggregate", "chatcmpl-idem", 0,
                        new GenerationRecordedEvent(GenerationId.of("chatcmpl-idem"), user, ApiKeyId.of("key_1"), "chat.completions",
                                ModelId.of("mock/echo"), "mock", List.of(), 10, 5, 0, 0, charged, charged, null, 12, false,
                                GenerationOutcome.COMPLETED, null, at, at)));

        applyTwice("generations", events);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM generations_view WHERE generation_id = 'chatcmpl-idem'",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT kind, amount_nanos FROM generation_ledger_entries_view "
                + "WHERE hold_id = 'chatcmpl-idem' ORDER BY kind")).containsExactly(
                Map.of("kind", "hold", "amount_nanos", 1_000_000_000L), Map.of("kind", "settle", "amount_nanos", 1500L));
    }

    private void applyTwice(String processor, List<EventMessage<?>> events) throws Exception {
        var invoker = processing.eventProcessor(processor).orElseThrow();
        var handlerInvoker = ((org.axonframework.eventhandling.AbstractEventProcessor) invoker).eventHandlerInvoker();
        for (int round = 0; round < 2; round++) {
            for (EventMessage<?> event : events) {
                org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                    handlerInvoker.handle(event, org.axonframework.eventhandling.Segment.ROOT_SEGMENT);
                    return null;
                });
            }
        }
    }
}
