package ai.massrouter.app.projection;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A replay across nodes. Resetting a processor's tokens claims every segment of it, so every node
 * must first let go of its own: the node asked for the replay writes a request into
 * {@code projection_replay}; every other node sees it at its next poll
 * ({@code massrouter.projections.replay-poll}, 1 s) and stops its processor of that name, which
 * releases its claims. The asking node stops its own, resets the tokens as soon as it can claim
 * every segment (a dead node's claims time out first), starts its processor and deletes the request;
 * the other nodes start theirs again at their next poll, and segment sharing spreads the segments
 * out as usual. A request older than {@code replay-timeout} (its node died midway) is dropped and
 * every node starts again; its tokens are then either all reset or none.
 */
@Component
public class ReplayCoordinator {

    private static final Logger log = LoggerFactory.getLogger(ReplayCoordinator.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Duration timeout;
    private final String nodeId = "replay/" + UUID.randomUUID();
    /** Processors this node stopped for another node's replay, to start again when it is done. */
    private final Set<String> paused = ConcurrentHashMap.newKeySet();

    public ReplayCoordinator(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                             @Value("${massrouter.projections.replay-timeout:PT1M}") Duration timeout) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.timeout = timeout;
    }

    /** Resets every segment of the processor, on whichever node it is claimed; this node then runs it. */
    public void replay(StreamingEventProcessor processor) {
        String name = processor.getName();
        int requested = jdbc.update("INSERT INTO projection_replay (processor_name, requested_by, requested_at) "
                + "VALUES (?, ?, now()) ON CONFLICT DO NOTHING", name, nodeId);
        if (requested == 0) {
            throw new DomainException(ErrorCode.ERR_001, "A replay of " + name + " is under way",
                    Map.of("name", "a replay of it is under way"));
        }
        try {
            processor.shutDown();
            resetWhenEverySegmentIsFree(processor);
        } finally {
            processor.start();
            jdbc.update("DELETE FROM projection_replay WHERE processor_name = ? AND requested_by = ?", name, nodeId);
        }
    }

    private void resetWhenEverySegmentIsFree(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + timeout.toNanos() / 2;
        while (true) {
            try {
                processor.resetTokens();
                return;
            } catch (UnableToClaimTokenException e) {
                if (System.nanoTime() > deadline) {
                    throw new DomainException(ErrorCode.ERR_005, "Other nodes still hold segments of "
                            + processor.getName() + "; nothing was reset");
                }
                log.debug("Waiting for other nodes to release {}: {}", processor.getName(), e.getMessage());
                sleep();
            }
        }
    }

    /** Stops this node's processors that another node replays, and starts them again once it is done. */
    @Scheduled(fixedDelayString = "${massrouter.projections.replay-poll:PT1S}",
            initialDelayString = "${massrouter.projections.replay-poll:PT1S}")
    public void follow() {
        try {
            jdbc.update("DELETE FROM projection_replay WHERE requested_at < now() - make_interval(secs => ?)",
                    timeout.toMillis() / 1000.0);
            Set<String> requested = Set.copyOf(jdbc.queryForList(
                    "SELECT processor_name FROM projection_replay WHERE requested_by <> ?", String.class, nodeId));
            for (String name : requested) {
                processing.eventProcessor(name, StreamingEventProcessor.class)
                        .filter(StreamingEventProcessor::isRunning).ifPresent(processor -> {
                            log.info("Stopping {} on this node while another node replays it", name);
                            paused.add(name);
                            processor.shutDown();
                        });
            }
            for (String name : Set.copyOf(paused)) {
                if (!requested.contains(name)) {
                    log.info("Starting {} again on this node: the replay has started", name);
                    paused.remove(name);
                    processing.eventProcessor(name, StreamingEventProcessor.class)
                            .ifPresent(StreamingEventProcessor::start);
                }
            }
        } catch (RuntimeException e) {
            log.debug("Replay requests not read: {}", e.getMessage());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
