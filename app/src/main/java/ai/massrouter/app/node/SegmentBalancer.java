package ai.massrouter.app.node;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Spreads the processors' segments over the nodes with the {@code projections} role. A pooled
 * processor claims every unclaimed segment, so the first node to start would keep them all; every
 * heartbeat, a node that holds more than its fair share (segments / live nodes, rounded up)
 * releases the surplus for three heartbeats (at least 12 s), and a node below its fair share
 * claims it at its next heartbeat. A node that
 * stops cleanly releases its segments and deletes its heartbeat, so the others take over at once;
 * one that dies keeps its claims until they time out (Axon's claim timeout, 10 s), then the others
 * steal them.
 */
@Component
@ConditionalOnExpression("'${massrouter.roles}'.toLowerCase().contains('projections')")
public class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    /** Longer than a pooled processor's claim interval (5 s), so that another node claims a released segment first. */
    private static final long MIN_RELEASE_MILLIS = 12_000;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Duration heartbeat;
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                           @Value("${massrouter.cluster.heartbeat-interval}") Duration heartbeat) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.heartbeat = heartbeat;
    }

    @Scheduled(fixedDelayString = "${massrouter.cluster.heartbeat-interval}",
            initialDelayString = "${massrouter.cluster.heartbeat-interval}")
    public void balance() {
        try {
            jdbc.update("INSERT INTO cluster_node (node_id, heartbeat_at) VALUES (?, now()) "
                    + "ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()", nodeId);
            long stale = heartbeat.toMillis() * 3;
            jdbc.update("DELETE FROM cluster_node WHERE heartbeat_at < now() - make_interval(secs => ?)", stale / 1000.0);
            Integer live = jdbc.queryForObject("SELECT count(*) FROM cluster_node", Integer.class);
            processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                    .filter(StreamingEventProcessor::isRunning)
                    .forEach(processor -> shareOut(processor, Math.max(1, live == null ? 1 : live)));
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next heartbeat tries again
            log.debug("Segment balancing skipped: {}", e.getMessage());
        }
    }

    private void shareOut(StreamingEventProcessor processor, int liveNodes) {
        Integer segments = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?",
                Integer.class, processor.getName());
        if (segments == null || segments == 0) {
            return;
        }
        int fairShare = (segments + liveNodes - 1) / liveNodes;
        List<Integer> claimed = processor.processingStatus().keySet().stream().sorted().toList();
        for (int i = fairShare; i < claimed.size(); i++) {
            int segment = claimed.get(i);
            log.info("Releasing segment {} of {} to another node ({} nodes, {} segments)", segment,
                    processor.getName(), liveNodes, segments);
            processor.releaseSegment(segment, Math.max(MIN_RELEASE_MILLIS, heartbeat.toMillis() * 3),
                    TimeUnit.MILLISECONDS);
        }
        if (claimed.size() < fairShare) {
            // a segment another node released (or left behind when it stopped) is taken now, even one
            // this node released itself earlier: the processor's own claim loop would wait for that
            List<Integer> free = jdbc.queryForList("SELECT segment FROM tokenentry WHERE processorname = ? "
                    + "AND owner IS NULL ORDER BY segment", Integer.class, processor.getName());
            free.stream().limit(fairShare - claimed.size()).forEach(processor::claimSegment);
        }
    }

    @PreDestroy
    void leave() {
        try {
            jdbc.update("DELETE FROM cluster_node WHERE node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.debug("Could not remove this node's heartbeat: {}", e.getMessage());
        }
    }

    public String nodeId() {
        return nodeId;
    }
}
