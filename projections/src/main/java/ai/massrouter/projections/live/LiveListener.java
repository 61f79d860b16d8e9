package ai.massrouter.projections.live;

import ai.massrouter.api.live.LiveAudience;
import ai.massrouter.api.live.LiveTopics;
import ai.massrouter.api.live.LiveUpdate;
import ai.massrouter.api.live.WatchLiveUpdatesQuery;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Every node listens on the {@link LiveNotices#CHANNEL} with one database connection of its own and
 * hands what arrives to its own WebSocket subscribers through the {@link QueryUpdateEmitter}, so a
 * change committed by a processor on any node reaches the subscribers of every node. Notices
 * published while this node was not listening are lost: after a (re)connection every subscriber
 * is told to re-read through REST. While this node has no subscribers, what arrives is dropped
 * unread. Only this thread touches {@link #recent}.
 */
@Component
public class LiveListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveListener.class);

    private final DataSource dataSource;
    private final QueryUpdateEmitter emitter;
    private final ModelUsageBatcher usage;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile boolean listenedBefore;
    /**
     * Processors deliver at least once: when a segment moves to another node, its last batch may be
     * handled again there and notified twice. The same notice seen again within this window is dropped.
     */
    private final Map<String, Boolean> recent = new LinkedHashMap<>(4096, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 20_000;
        }
    };

    public LiveListener(DataSource dataSource, QueryUpdateEmitter emitter, ModelUsageBatcher usage) {
        this.dataSource = dataSource;
        this.emitter = emitter;
        this.usage = usage;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "live-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            // its connection must be back in the pool before the pool closes (else a stack trace at shutdown)
            try {
                t.join(2_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("LISTEN " + LiveNotices.CHANNEL);
                if (listenedBefore) {
                    emit(new LiveUpdate(LiveTopics.ALERTS, "updates.missed", "resync-" + UUID.randomUUID(), Instant.now(),
                            LiveAudience.EVERYONE, null, null, Map.of("message",
                            "This node stopped listening for a while: re-read your balance and usage through REST")));
                }
                listenedBefore = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    // read them only for somebody: a node without WebSocket subscribers spent a twentieth
                    // of its CPU under a charge load parsing notices for nobody
                    if (notifications != null && !emitter.activeSubscriptions().isEmpty()) {
                        for (PGNotification n : notifications) {
                            dispatch(n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Live update listener lost its connection; reconnecting: {}", e.getMessage());
                    pause();
                }
            }
        }
    }

    /** A notice holds the updates of one processor batch, in order (a JSON array; {@link LiveNotices}). */
    private void dispatch(String payload) {
        LiveUpdate[] updates;
        try {
            updates = LiveNotices.JSON.readValue(payload, LiveUpdate[].class);
        } catch (IOException | RuntimeException e) {
            log.warn("Live updates not delivered: {}", e.toString());
            return;
        }
        for (LiveUpdate update : updates) {
            try {
                if (recent.put(update.eventId() + " " + update.topic() + " " + update.event(), Boolean.TRUE) != null) {
                    continue;
                }
                if (LiveTopics.MODEL_USAGE.equals(update.topic())) {
                    usage.add(update);
                } else {
                    emit(update);
                }
            } catch (RuntimeException e) {
                log.warn("Live update not delivered: {}", e.toString());
            }
        }
    }

    void emit(LiveUpdate update) {
        emitter.emit(WatchLiveUpdatesQuery.class, query -> query.mayReceive(update), update);
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
