package ai.massrouter.app.projection;

import ai.massrouter.api.statistics.FindProcessorsQuery;
import ai.massrouter.api.statistics.ProcessorView;
import ai.massrouter.api.statistics.ProcessorsView;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where every event processor of this node stands: the global index its slowest segment reached
 * and how far that is behind the head of the event log (its lag, in events; gaps in the global
 * index count too). Asked by the projection operations and, through the query bus, the dashboard.
 */
@Component
public class ProcessorStatuses {

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final Set<String> replayable;

    public ProcessorStatuses(EventProcessingConfiguration processing, EventStore events,
                             @Value("${massrouter.projections.replayable}") Set<String> replayable) {
        this.processing = processing;
        this.events = events;
        this.replayable = replayable;
    }

    @QueryHandler
    public ProcessorsView processors(FindProcessorsQuery query) {
        long head = head();
        return new ProcessorsView(head, processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .map(p -> status(p, head)).sorted(Comparator.comparing(ProcessorView::name)).toList());
    }

    List<ProcessorView> all() {
        return processors(new FindProcessorsQuery()).processors();
    }

    ProcessorView status(StreamingEventProcessor processor) {
        return status(processor, head());
    }

    boolean replayable(String name) {
        return replayable.contains(name);
    }

    Set<String> replayable() {
        return replayable;
    }

    private long head() {
        TrackingToken token = events.createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    private ProcessorView status(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = segments.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(0)).min().orElse(0);
        boolean replaying = segments.values().stream().anyMatch(ProcessorStatuses::stillReplaying);
        return new ProcessorView(processor.getName(), replayable.contains(processor.getName()), processor.isRunning(),
                replaying, segments.size(), position, Math.max(0, head - position));
    }

    /**
     * A segment keeps a replay token until it handles an event newer than the reset; once it has
     * reached the position of the reset, the rebuild is done even if no new event came yet.
     */
    private static boolean stillReplaying(EventTrackerStatus segment) {
        return segment.isReplaying() && segment.getCurrentPosition().orElse(0)
                < segment.getResetPosition().orElse(Long.MAX_VALUE);
    }
}
