package ai.massrouter.bench;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOpenedEvent;
import ai.massrouter.api.account.CallTimings;
import ai.massrouter.api.account.FundsHeldEvent;
import ai.massrouter.api.account.HoldId;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.account.OperationId;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.account.TopUpCreditedEvent;
import ai.massrouter.api.account.UsageChargedEvent;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.GenerationId;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.api.generation.GenerationRecordedEvent;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.user.UserId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The event log of a busy platform as the command side writes it: accounts opened and topped up,
 * then metered charges (a third of the calls) and gateway calls (a hold, its settlement with
 * timings, and the call's record), from skewed users on skewed models, spread over the last 90
 * days. Each account's events are in sequence and its balance is consistent.
 */
final class LedgerEvents {

    static final int MODELS = 50;
    private static final String[] CATEGORIES = {"chat", "code", "reasoning", "vision", "embedding"};
    private static final ModelPricing PRICING = new ModelPricing(Money.of(2, "CNY"), Money.of(8, "CNY"));

    private final Random random = new Random(42);
    private final int users;
    private final long[] sequence;
    private final long[] balance;
    private int calls;

    LedgerEvents(int users) {
        this.users = users;
        this.sequence = new long[users];
        this.balance = new long[users];
    }

    /** Every account opened and topped up with 100,000 yuan (2 events per user). */
    List<EventMessage<?>> openAccounts(Instant at) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            events.add(event(u, new AccountOpenedEvent(account(u), user(u), "CNY", at), at));
            balance[u] = Money.of(100_000, "CNY").nanos();
            events.add(event(u, new TopUpCreditedEvent(account(u), user(u), OperationId.of(OperationOrigin.TOPUP,
                    "bench-topup-" + u), PaymentId.of("pay_bench" + u), "stripe", Money.of(100_000, "CNY"),
                    new Money(balance[u], "CNY"), at), at));
        }
        return events;
    }

    /** One call at {@code at}: a metered charge (1 event) or a gateway call (3 events). */
    List<EventMessage<?>> call(Instant at) {
        int u = (int) Math.floor(users * Math.pow(random.nextDouble(), 2));
        int model = (int) Math.floor(MODELS * Math.pow(random.nextDouble(), 3));
        String modelId = "bench/model-" + model;
        long prompt = 100 + random.nextInt(4000);
        long completion = random.nextInt(1000);
        Money cost = PRICING.cost(prompt, completion);
        int call = calls++;
        ApiKeyId key = ApiKeyId.of("key_bench" + u + "_" + (call % 3));
        balance[u] -= cost.nanos();
        if (call % 3 == 0) {
            UsageDetails usage = new UsageDetails(user(u), key, ModelId.of(modelId), "bench", CATEGORIES[model % CATEGORIES.length],
                    prompt, completion, PRICING);
            return List.of(event(u, new UsageChargedEvent(account(u), user(u), OperationId.of(OperationOrigin.USAGE,
                    "bench-" + call), usage, cost, new Money(balance[u], "CNY"), at), at));
        }
        long first = 100 + random.nextInt(900);
        long total = first + random.nextInt(5000);
        UsageDetails usage = new UsageDetails(user(u), key, ModelId.of(modelId), "bench-" + (model % 3),
                CATEGORIES[model % CATEGORIES.length], prompt, completion, PRICING, null, null,
                new CallTimings(first, total));
        String hold = "chatcmpl-bench-" + call;
        Money held = Money.of(1, "CNY");
        Money before = new Money(balance[u] + cost.nanos(), "CNY");
        Instant done = at.plusMillis(total);
        return List.of(
                event(u, new FundsHeldEvent(account(u), user(u), HoldId.of(hold), key, held, "chat.completions " + modelId, before,
                        held, at), at),
                event(u, new HoldSettledEvent(account(u), user(u), HoldId.of(hold), usage, held, cost, held.minus(cost),
                        Money.zero("CNY"), new Money(balance[u], "CNY"), Money.zero("CNY"), done), done),
                new GenericDomainEventMessage<>("GenerationAggregate", hold, 0, new GenerationRecordedEvent(
                        GenerationId.of(hold), user(u), key, "chat.completions", ModelId.of(modelId), "bench-" + (model % 3),
                        List.of(), prompt, completion, 0, 0, cost, cost, first, total, call % 2 == 0,
                        GenerationOutcome.COMPLETED, null, at, done), MetaData.emptyInstance(),
                        UUID.randomUUID().toString(), done));
    }

    /**
     * Appends {@code count} events or a few more (a call is not cut), spread over the last 90 days,
     * about 1,000 per transaction; returns how many.
     */
    long appendHistory(EventStore store, int count, Instant now) {
        long span = Duration.ofDays(90).toMillis();
        List<EventMessage<?>> batch = new ArrayList<>(openAccounts(now.minusMillis(span)));
        long appended = 0;
        while (appended + batch.size() < count) {
            batch.addAll(call(now.minusMillis(span - span * (appended + batch.size()) / count)));
            if (batch.size() >= 1000) {
                store.publish(batch);
                appended += batch.size();
                batch.clear();
            }
        }
        store.publish(batch);
        return appended + batch.size();
    }

    private EventMessage<?> event(int u, Object payload, Instant at) {
        return new GenericDomainEventMessage<>("AccountAggregate", account(u).value(), sequence[u]++, payload,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), at);
    }

    static UserId user(int u) {
        return UserId.of("usr_bench" + u);
    }

    static AccountId account(int u) {
        return AccountId.forUser(user(u));
    }
}
