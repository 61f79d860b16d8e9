package ai.massrouter.app.metrics;

import ai.massrouter.api.live.LiveAudience;
import ai.massrouter.api.live.LiveTopics;
import ai.massrouter.api.live.LiveUpdate;
import ai.massrouter.projections.live.AlertEpisodes;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code processor.lagging} for administrators: a segment of an event processor that this node runs
 * is {@code massrouter.alerts.processor-lag} events or more behind the head of the event log. Each
 * node measures the segments it owns (a segment that moves on is measured by its new owner under
 * the same episode); a segment that replays is not measured, its lag is the rebuild, while one
 * that keeps failing (and retrying) is: falling behind is what it does then. Once per
 * episode ({@link AlertEpisodes}): it ends when the segment is back below half the threshold.
 */
@Component
public class ProcessorLagAlerts {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final AlertEpisodes episodes;
    private final long threshold;

    public ProcessorLagAlerts(EventProcessingConfiguration processing, JdbcTemplate jdbc, AlertEpisodes episodes,
                              @Value("${massrouter.alerts.processor-lag:10000}") long threshold) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.episodes = episodes;
        this.threshold = threshold;
    }

    @Scheduled(fixedDelayString = "${massrouter.alerts.check-interval:PT5S}",
            initialDelayString = "${massrouter.alerts.check-interval:PT5S}")
    public void check() {
        try {
            Long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
            processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                    .filter(StreamingEventProcessor::isRunning)
                    .forEach(processor -> processor.processingStatus().forEach((segment, status) ->
                            measure(processor.getName(), segment, status, head == null ? -1 : head)));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ProcessorLagAlerts.class).debug("Processor lag check skipped: {}", e.toString());
        }
    }

    private void measure(String processor, int segment, EventTrackerStatus status, long head) {
        if (status.isReplaying() || status.getTrackingToken() == null) {
            return;
        }
        long lag = ProcessorLagMetrics.lag(status, head);
        episodes.measured("processor.lag:" + processor + ":" + segment, lag, threshold, eventId -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("processor", processor);
            data.put("segment", segment);
            data.put("lag", lag);
            data.put("threshold", threshold);
            return new LiveUpdate(LiveTopics.ALERTS, "processor.lagging", eventId, Instant.now(), LiveAudience.ADMINS,
                    null, null, data);
        });
    }
}
