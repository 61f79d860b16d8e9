package ai.massrouter.app.metrics;

import ai.massrouter.api.account.FundsHeldEvent;
import ai.massrouter.api.account.HoldReleasedEvent;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.account.UsageChargedEvent;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Money movements counted as this node records them: subscribed to the event bus itself, so it
 * sees only the events published here, never a replay (a restart or a projection rebuild does not
 * count history again); Prometheus sums the nodes. The events of a unit of work are counted once it
 * has committed, never for a unit of work whose commit failed.
 * No processor: an event processor in the committing thread (as before) cost a sixth of that
 * thread's time, with the account's lock held, for four counters.
 */
@Component
public class LedgerMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerMetrics.class);

    private final EventBus eventBus;
    private final MeterRegistry registry;
    /** Micrometer finds a counter by building and hashing its id; these are found by a string. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile Registration subscription;

    public LedgerMetrics(EventBus eventBus, MeterRegistry registry) {
        this.eventBus = eventBus;
        this.registry = registry;
    }

    @Override
    public void start() {
        subscription = eventBus.subscribe(this::published);
    }

    @Override
    public void stop() {
        Registration s = subscription;
        subscription = null;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }

    private void published(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> count(events));
        } else {
            count(events);
        }
    }

    private void count(List<? extends EventMessage<?>> events) {
        try {
            for (EventMessage<?> event : events) {
                Class<?> type = event.getPayloadType();
                if (type == UsageChargedEvent.class) {
                    UsageChargedEvent charged = (UsageChargedEvent) event.getPayload();
                    charged("metered", ModelId.valueOf(charged.usage().modelId()), charged.amount());
                } else if (type == HoldSettledEvent.class) {
                    HoldSettledEvent settled = (HoldSettledEvent) event.getPayload();
                    charged("gateway", ModelId.valueOf(settled.usage().modelId()), settled.charged());
                    hold("settled", settled.held());
                } else if (type == FundsHeldEvent.class) {
                    hold("placed", ((FundsHeldEvent) event.getPayload()).amount());
                } else if (type == HoldReleasedEvent.class) {
                    hold("released", ((HoldReleasedEvent) event.getPayload()).amount());
                }
            }
        } catch (RuntimeException e) {
            // counters never fail what was recorded
            log.warn("Ledger metrics not counted: {}", e.toString());
        }
    }

    private void charged(String source, String model, Money amount) {
        counter("c " + source + " " + model, () -> Counter.builder("massrouter.charges")
                .description("Usage charges recorded").tag("source", source).tag("model", String.valueOf(model)))
                .increment();
        counter("a " + source + " " + amount.currency(), () -> Counter.builder("massrouter.charged.amount")
                .description("Money charged for usage, in the platform currency").baseUnit(amount.currency())
                .tag("source", source)).increment(amount.toDecimal().doubleValue());
    }

    private void hold(String outcome, Money amount) {
        counter("h " + outcome, () -> Counter.builder("massrouter.holds").description("Holds placed, settled and released")
                .tag("outcome", outcome)).increment();
        counter("m " + outcome + " " + amount.currency(), () -> Counter.builder("massrouter.held.amount")
                .description("Money of holds placed, settled and released").baseUnit(amount.currency())
                .tag("outcome", outcome)).increment(amount.toDecimal().doubleValue());
    }

    private Counter counter(String key, Supplier<Counter.Builder> builder) {
        Counter counter = counters.get(key);
        return counter != null ? counter : counters.computeIfAbsent(key, k -> builder.get().register(registry));
    }
}
