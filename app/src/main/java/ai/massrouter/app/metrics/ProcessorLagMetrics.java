package ai.massrouter.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code massrouter.processor.lag} (Prometheus: {@code massrouter_processor_lag_events}): per
 * projection, how many events of the log the slowest segment this node runs has still to handle.
 * NaN when this node runs no segment of it (another node does).
 */
@Component
public class ProcessorLagMetrics {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final MeterRegistry registry;

    public ProcessorLagMetrics(EventProcessingConfiguration processing, JdbcTemplate jdbc, MeterRegistry registry) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .forEach(processor -> Gauge.builder("massrouter.processor.lag", () -> lag(processor))
                        .description("Events of the log this node's segments of a projection have not handled yet")
                        .baseUnit("events").tag("processor", processor.getName()).register(registry));
    }

    private double lag(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        Long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        return segments.values().stream().mapToLong(s -> lag(s, head == null ? -1 : head)).max().orElse(0);
    }

    /** Events of the log up to {@code head} (the highest global index) that the segment has not handled yet. */
    static long lag(EventTrackerStatus segment, long head) {
        return Math.max(0, head - segment.getCurrentPosition().orElse(-1));
    }
}
