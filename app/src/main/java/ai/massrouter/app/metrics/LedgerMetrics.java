package ai.massrouter.app.metrics;

import ai.massrouter.api.account.FundsHeldEvent;
import ai.massrouter.api.account.HoldReleasedEvent;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.account.UsageChargedEvent;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Money movements counted as this node records them: a subscribing processor (see
 * {@link MetricsConfig}) sees only the events published here, never a replay, so a restart or a
 * projection rebuild does not count history again. Prometheus sums the nodes.
 */
@Component
@ProcessingGroup(MetricsConfig.PROCESSING_GROUP)
public class LedgerMetrics {

    private final MeterRegistry registry;

    public LedgerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(UsageChargedEvent event) {
        charged("metered", ModelId.valueOf(event.usage().modelId()), event.amount());
    }

    @EventHandler
    void on(HoldSettledEvent event) {
        charged("gateway", ModelId.valueOf(event.usage().modelId()), event.charged());
        hold("settled", event.held());
    }

    @EventHandler
    void on(FundsHeldEvent event) {
        hold("placed", event.amount());
    }

    @EventHandler
    void on(HoldReleasedEvent event) {
        hold("released", event.amount());
    }

    private void charged(String source, String model, Money amount) {
        Counter.builder("massrouter.charges").description("Usage charges recorded")
                .tag("source", source).tag("model", String.valueOf(model)).register(registry).increment();
        Counter.builder("massrouter.charged.amount").description("Money charged for usage, in the platform currency")
                .baseUnit(amount.currency()).tag("source", source).register(registry)
                .increment(amount.toDecimal().doubleValue());
    }

    private void hold(String outcome, Money amount) {
        Counter.builder("massrouter.holds").description("Holds placed, settled and released")
                .tag("outcome", outcome).register(registry).increment();
        Counter.builder("massrouter.held.amount").description("Money of holds placed, settled and released")
                .baseUnit(amount.currency()).tag("outcome", outcome).register(registry)
                .increment(amount.toDecimal().doubleValue());
    }
}
