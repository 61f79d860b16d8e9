package ai.massrouter.command.invalidation;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every node's ear on the {@value #CHANNEL} channel, on a connection of its own. It hears three
 * notices, which PostgreSQL delivers to every listener in the order their transactions committed:
 * <ul>
 * <li>{@code c|change|topic|id}: a row changed; the node's caches drop it, then the node answers
 * {@code a|change|node}.</li>
 * <li>{@code a|change|node}: a node has dropped the row; the node that made the change waits for
 * these ({@link #awaitApplied}).</li>
 * <li>{@code p|node|seq}: the pings every node sends itself every {@code ping}. When a node hears
 * its own ping, it has heard every change committed before that ping was sent, so its caches are
 * {@link #fresh} for one lease from the ping's sending. The pings of others tell who is alive.</li>
 * </ul>
 * A lost connection empties the caches (notices sent meanwhile are lost) and they stay unused until
 * the node hears its own ping on the new one.
 */
@Component
@EnableConfigurationProperties(InvalidationProperties.class)
public class InvalidationListener implements SmartLifecycle {

    static final String CHANNEL = "massrouter_invalidation";

    private static final Logger log = LoggerFactory.getLogger(InvalidationListener.class);

    private final DataSource dataSource;
    private final InvalidationProperties properties;
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final List<Runnable> resets = new CopyOnWriteArrayList<>();
    /** node id -> when this node last heard its ping (System.nanoTime). */
    private final Map<String, Long> members = new ConcurrentHashMap<>();
    private final Map<String, PendingChange> pending = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, Long> pingsInFlight = new ConcurrentSkipListMap<>();
    /** When the last ping this node heard back was sent (System.nanoTime), 0 when none on this connection. */
    private volatile long leaseFrom;
    private volatile boolean running;
    private Thread thread;

    public InvalidationListener(DataSource dataSource, InvalidationProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    /** {@code onChange} gets the id of each changed row of {@code topic}; {@code onReset} empties the cache. */
    public void subscribe(String topic, Consumer<String> onChange, Runnable onReset) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(onChange);
        resets.add(onReset);
    }

    /** Whether this node has heard every change committed more than one lease ago. */
    public boolean fresh() {
        long from = leaseFrom;
        return from != 0 && System.nanoTime() - from < properties.lease().toNanos();
    }

    String nodeId() {
        return nodeId;
    }

    boolean enabled() {
        return properties.enabled();
    }

    void expect(String changeId) {
        pending.put(changeId, new PendingChange());
    }

    void forget(String changeId) {
        pending.remove(changeId);
    }

    /**
     * Returns once every live node (this one included) has dropped the change, or one lease after
     * the commit: by then a node that has not answered serves nothing from a cache it holds from
     * before the change (its lease ran out, or it renewed it by hearing a ping sent after the change).
     */
    void awaitApplied(String changeId) throws InterruptedException {
        PendingChange change = pending.get(changeId);
        if (change == null) {
            return;
        }
        long deadline = System.nanoTime() + properties.lease().toNanos();
        try {
            synchronized (change) {
                while (!appliedEverywhere(change)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    change.wait(Math.max(1, left / 1_000_000));
                }
            }
        } finally {
            pending.remove(changeId);
        }
    }

    /** Live: heard within two leases. A node whose ping came before the change is heard before its answer. */
    private boolean appliedEverywhere(PendingChange change) {
        if (!change.acks.contains(nodeId)) {
            return false;
        }
        long now = System.nanoTime();
        long window = 2 * properties.lease().toNanos();
        return members.entrySet().stream()
                .filter(m -> now - m.getValue() < window)
                .allMatch(m -> change.acks.contains(m.getKey()));
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "invalidation-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // notices sent before LISTEN took effect are lost to this node: start empty
                resets.forEach(Runnable::run);
                hear(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Invalidation listener lost its connection; caches unused until it is back: {}",
                            e.getMessage());
                }
            } finally {
                leaseFrom = 0;
                pingsInFlight.clear();
            }
            pause(properties.ping().toMillis());
        }
    }

    private void hear(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long seq = 0;
        long lastPing = 0;
        while (running) {
            long now = System.nanoTime();
            if (now - lastPing >= properties.ping().toNanos()) {
                pingsInFlight.put(++seq, now);
                send(connection, "p|" + nodeId + "|" + seq);
                lastPing = now;
            }
            PGNotification[] notices = pg.getNotifications((int) Math.max(1, properties.ping().toMillis()));
            if (notices != null) {
                for (PGNotification notice : notices) {
                    handle(connection, notice.getParameter());
                }
            }
        }
    }

    private void handle(Connection connection, String notice) throws SQLException {
        String[] parts = notice.split("\\|", 4);
        switch (parts[0]) {
            case "c" -> {
                subscribers.getOrDefault(parts[2], List.of()).forEach(s -> s.accept(parts[3]));
                send(connection, "a|" + parts[1] + "|" + nodeId);
            }
            case "a" -> {
                PendingChange change = pending.get(parts[1]);
                if (change != null) {
                    synchronized (change) {
                        change.acks.add(parts[2]);
                        change.notifyAll();
                    }
                }
            }
            case "p" -> heardPing(parts[1], Long.parseLong(parts[2]));
            default -> log.warn("Unknown invalidation notice {}", notice);
        }
    }

    private void heardPing(String node, long seq) {
        long now = System.nanoTime();
        members.put(node, now);
        if (node.equals(nodeId)) {
            // nodes that stopped long ago are forgotten
            members.values().removeIf(heard -> now - heard > 10 * properties.lease().toNanos());
            Long sent = pingsInFlight.get(seq);
            if (sent != null) {
                leaseFrom = sent;
                pingsInFlight.headMap(seq, true).clear();
            }
        }
    }

    private static void send(Connection connection, String notice) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            statement.setString(1, CHANNEL);
            statement.setString(2, notice);
            statement.execute();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The nodes that have answered a change, filled by the listener and awaited by the changer. */
    private static final class PendingChange {
        final Set<String> acks = ConcurrentHashMap.newKeySet();
    }
}
