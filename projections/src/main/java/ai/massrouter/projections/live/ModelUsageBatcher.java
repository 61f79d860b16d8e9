package ai.massrouter.projections.live;

import ai.massrouter.api.live.LiveAudience;
import ai.massrouter.api.live.LiveTopics;
import ai.massrouter.api.live.LiveUpdate;
import ai.massrouter.api.live.WatchLiveUpdatesQuery;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code model.usage} is one push per interval, not one per call: the calls and tokens counted by
 * each model since the previous push (platform-wide counters, never who made the calls).
 */
@Component
public class ModelUsageBatcher implements AutoCloseable {

    private final QueryUpdateEmitter emitter;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-model-usage");
        t.setDaemon(true);
        return t;
    });
    private Map<String, long[]> counts = new TreeMap<>();
    private Instant first;
    private String lastEventId;

    public ModelUsageBatcher(QueryUpdateEmitter emitter,
                             @Value("${massrouter.live.model-usage-interval:PT0.5S}") Duration interval) {
        this.emitter = emitter;
        timer.scheduleWithFixedDelay(this::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void add(LiveUpdate update) {
        long[] c = counts.computeIfAbsent((String) update.data().get("model"), m -> new long[3]);
        c[0]++;
        c[1] += ((Number) update.data().get("prompt_tokens")).longValue();
        c[2] += ((Number) update.data().get("completion_tokens")).longValue();
        if (first == null) {
            first = update.at();
        }
        lastEventId = update.eventId();
    }

    private void flush() {
        try {
            emitBatch();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ModelUsageBatcher.class).warn("model.usage batch not pushed: {}", e.toString());
        }
    }

    private void emitBatch() {
        Map<String, long[]> batch;
        Instant from;
        String eventId;
        synchronized (this) {
            if (counts.isEmpty()) {
                return;
            }
            batch = counts;
            from = first;
            eventId = lastEventId;
            counts = new TreeMap<>();
            first = null;
        }
        List<Map<String, Object>> models = new ArrayList<>();
        batch.forEach((model, c) -> models.add(Map.of("model", model, "calls", c[0], "prompt_tokens", c[1],
                "completion_tokens", c[2])));
        LiveUpdate update = new LiveUpdate(LiveTopics.MODEL_USAGE, "usage.counters", eventId, Instant.now(),
                LiveAudience.EVERYONE, null, null, Map.of("since", from.toString(), "models", models,
                "batch_id", UUID.randomUUID().toString()));
        emitter.emit(WatchLiveUpdatesQuery.class, query -> query.mayReceive(update), update);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
