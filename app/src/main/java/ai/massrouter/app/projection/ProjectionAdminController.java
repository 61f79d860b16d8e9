package ai.massrouter.app.projection;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.statistics.ProcessorView;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Rebuilding read models: a projection's processor is stopped on every node, its tokens reset (its
 * {@code @ResetHandler} empties its own tables) and started again; it then replays the whole log
 * ({@link ReplayCoordinator}).
 * Policies (processors that send commands) are never replayed: only the listed projections are.
 * The list shows every processor with its position and lag.
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
public class ProjectionAdminController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdminController.class);

    private final EventProcessingConfiguration processing;
    private final ProcessorStatuses statuses;
    private final ReplayCoordinator replays;

    public ProjectionAdminController(EventProcessingConfiguration processing, ProcessorStatuses statuses,
                                     ReplayCoordinator replays) {
        this.processing = processing;
        this.statuses = statuses;
        this.replays = replays;
    }

    @GetMapping
    public List<ProcessorView> list(Caller caller) {
        caller.requireAdmin();
        return statuses.all();
    }

    @PostMapping("/{name}/replay")
    public ProcessorView replay(Caller caller, @PathVariable String name) {
        caller.requireAdmin();
        if (!statuses.replayable(name)) {
            throw new DomainException(ErrorCode.ERR_001, "Only projections can be replayed: " + statuses.replayable(),
                    Map.of("name", "not a replayable projection"));
        }
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> DomainException.notFound("Projection " + name));
        log.info("Replaying projection {} from the start of the event log (requested by {})", name, caller.userId());
        replays.replay(processor);
        return statuses.status(processor);
    }
}
