package ai.massrouter.projections.support;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOpenedEvent;
import ai.massrouter.api.account.CallTimings;
import ai.massrouter.api.account.FundsHeldEvent;
import ai.massrouter.api.account.HoldId;
import ai.massrouter.api.account.HoldReleasedEvent;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An event log of a few users over a few days, as the command side writes it: each account opened
 * and topped up, then metered charges, and gateway calls whose holds are settled (with the call's
 * record) or released, interleaved across accounts so that a batch mixes them; each user's last
 * call is still running (its hold open).
 */
public final class UsageLog {

    private static final Money PRICE = Money.of(2, "CNY");
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final List<EventMessage<?>> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, long[]> balances = new HashMap<>();

    public static List<EventMessage<?>> of(int users, int callsPerUser) {
        UsageLog log = new UsageLog();
        for (int u = 0; u < users; u++) {
            log.open(u);
        }
        for (int call = 0; call < callsPerUser; call++) {
            for (int u = 0; u < users; u++) {
                log.call(u, call, START.plus(Duration.ofHours(7L * call + u)));
            }
        }
        for (int u = 0; u < users; u++) {
            log.openCall(u, START.plus(Duration.ofHours(7L * callsPerUser + u)));
        }
        return log.events;
    }

    private void open(int u) {
        AccountId account = account(u);
        UserId user = user(u);
        append(account, new AccountOpenedEvent(account, user, "CNY", START));
        balances.put(account.value(), new long[] {100_000_000_000L, 0});
        append(account, new TopUpCreditedEvent(account, user, OperationId.of(OperationOrigin.TOPUP, "pay-" + u),
                PaymentId.of("pay_" + u), "stripe", Money.of(100, "CNY"), new Money(100_000_000_000L, "CNY"), START));
    }

    private void call(int u, int call, Instant at) {
        AccountId account = account(u);
        UserId user = user(u);
        long[] balance = balances.get(account.value());
        String model = "test/model-" + (call + u) % 3;
        UsageDetails usage = new UsageDetails(user, ApiKeyId.of("key_" + u), ModelId.of(model), "mock", "chat", 100 + call, 10 + u,
                new ModelPricing(PRICE, PRICE), null, null, new CallTimings(50L + call, 400L + call * 7L));
        Money cost = new Money(1_000_000L * (call + 1), "CNY");
        if (call % 3 == 0) {
            balance[0] -= cost.nanos();
            append(account, new UsageChargedEvent(account, user, OperationId.of(OperationOrigin.USAGE, "use-" + u + "-"
                    + call), usage, cost, new Money(balance[0], "CNY"), at));
            return;
        }
        String hold = "chatcmpl-" + u + "-" + call;
        Money held = Money.of(1, "CNY");
        append(account, new FundsHeldEvent(account, user, HoldId.of(hold), ApiKeyId.of("key_" + u), held, "chat.completions " + model,
                new Money(balance[0], "CNY"), held, at));
        if (call % 3 == 1) {
            balance[0] -= cost.nanos();
            append(account, new HoldSettledEvent(account, user, HoldId.of(hold), usage, held, cost, held.minus(cost),
                    Money.zero("CNY"), new Money(balance[0], "CNY"), Money.zero("CNY"), at.plusSeconds(2)));
            events.add(new GenericDomainEventMessage<>("GenerationAggregate", hold, 0, new GenerationRecordedEvent(
                    GenerationId.of(hold), user, ApiKeyId.of("key_" + u), "chat.completions", ModelId.of(model), "mock", List.of(), 100 + call,
                    10 + u, 0, 0, cost, cost, 50L + call, 400L + call, call % 2 == 0, GenerationOutcome.COMPLETED,
                    null, at, at.plusSeconds(2))));
        } else {
            append(account, new HoldReleasedEvent(account, user, HoldId.of(hold), held, "upstream failed", Money.zero("CNY"),
                    at.plusSeconds(1)));
        }
    }

    /** A gateway call still running at the end of the log: its hold stays open. */
    private void openCall(int u, Instant at) {
        AccountId account = account(u);
        Money held = Money.of(1, "CNY");
        append(account, new FundsHeldEvent(account, user(u), HoldId.of("chatcmpl-open-" + u), ApiKeyId.of("key_" + u), held,
                "chat.completions test/model-0", new Money(balances.get(account.value())[0], "CNY"), held, at));
    }

    private void append(AccountId account, Object payload) {
        long sequence = sequences.merge(account.value(), 1L, Long::sum) - 1;
        events.add(new GenericDomainEventMessage<>("AccountAggregate", account.value(), sequence, payload));
    }

    public static AccountId account(int u) {
        return AccountId.forUser(user(u));
    }

    public static UserId user(int u) {
        return UserId.of("usr_log" + u);
    }
}
