package ai.massrouter.app.projection;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilding read models: a projection's processor is stopped, its tokens reset (its
 * {@code @ResetHandler} empties its own tables) and started again; it then replays the whole log.
 * Policies (processors that send commands) are never replayed: only the listed projections are.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
public class ProjectionAdminController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdminController.class);

    private final EventProcessingConfiguration processing;
    private final Set<String> replayable;

    public ProjectionAdminController(EventProcessingConfiguration processing,
                                     @Value("${massrouter.projections.replayable}") Set<String> replayable) {
        this.processing = processing;
        this.replayable = replayable;
    }

    @GetMapping
    public List<ProcessorStatus> list(Caller caller) {
        caller.requireAdmin();
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .map(this::status).sorted(Comparator.comparing(ProcessorStatus::name)).toList();
    }

    @PostMapping("/{name}/replay")
    public ProcessorStatus replay(Caller caller, @PathVariable String name) {
        caller.requireAdmin();
        if (!replayable.contains(name)) {
            throw new DomainException(ErrorCode.ERR_001, "Only projections can be replayed: " + replayable,
                    Map.of("name", "not a replayable projection"));
        }
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> DomainException.notFound("Projection " + name));
        log.info("Replaying projection {} from the start of the event log (requested by {})", name, caller.userId());
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        return status(processor);
    }

    private ProcessorStatus status(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = segments.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(0)).min().orElse(0);
        boolean replaying = segments.values().stream().anyMatch(ProjectionAdminController::stillReplaying);
        return new ProcessorStatus(processor.getName(), replayable.contains(processor.getName()),
                processor.isRunning(), replaying, segments.size(), position);
    }

    /**
     * A segment keeps a replay token until it handles an event newer than the reset; once it has
     * reached the position of the reset, the rebuild is done even if no new event came yet.
     */
    private static boolean stillReplaying(EventTrackerStatus segment) {
        return segment.isReplaying() && segment.getCurrentPosition().orElse(0)
                < segment.getResetPosition().orElse(Long.MAX_VALUE);
    }

    /** {@code position}: the global index the slowest segment has reached. */
    public record ProcessorStatus(String name, boolean replayable, boolean running, boolean replaying, int segments,
                                  long position) {
    }
}
