package ai.massrouter.gateway;

import ai.massrouter.gateway.provider.UpstreamException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * {@code massrouter.gateway.upstream} (Prometheus: {@code massrouter_gateway_upstream_seconds}):
 * how long each provider takes to answer a call, or to send a stream's first token, tagged with the
 * provider and the outcome ({@code ok}, {@code retryable}, {@code refused}, {@code error}).
 */
@Component
public class UpstreamTimer {

    private final MeterRegistry registry;

    public UpstreamTimer(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable();
    }

    public <T> T time(String provider, Supplier<T> upstreamCall) {
        if (registry == null) {
            return upstreamCall.get();
        }
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T result = upstreamCall.get();
            outcome = "ok";
            return result;
        } catch (UpstreamException e) {
            outcome = e.retryable() ? "retryable" : "refused";
            throw e;
        } finally {
            sample.stop(Timer.builder("massrouter.gateway.upstream")
                    .description("Time until an upstream provider answered (streams: until the first token)")
                    .tag("provider", provider).tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }
}
