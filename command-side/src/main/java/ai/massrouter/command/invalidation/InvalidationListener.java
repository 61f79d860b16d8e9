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
    private final ChangeAnswers answers;
    private final ConcurrentSkipListMap<Long, Long> pingsInFlight = new ConcurrentSkipListMap<>();
    /** When the last ping this node heard back was sent (System.nanoTime), 0 when none on this connection. */
    private volatile long leaseFrom;
    private volatile boolean running;
    private Thread thread;

    public InvalidationListener(DataSource dataSource, InvalidationProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.answers = new ChangeAnswers(nodeId, properties.lease());
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

    boolean enabled() {
        return properties.enabled();
    }

    void expect(String changeId) {
        answers.expect(changeId);
    }

    void forget(String changeId) {
        answers.forget(changeId);
    }

    void awaitApplied(String changeId) throws InterruptedException {
        answers.await(changeId);
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
            // its connection must be back in the pool before the pool closes (else a stack trace at shutdown)
            try {
                thread.join(properties.ping().toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
                try {
                    hear(connection);
                } finally {
                    unlisten(connection);
                }
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
            case "a" -> answers.answered(parts[1], parts[2]);
            case "p" -> heardPing(parts[1], Long.parseLong(parts[2]));
            default -> log.warn("Unknown invalidation notice {}", notice);
        }
    }

    private void heardPing(String node, long seq) {
        answers.heardFrom(node);
        if (node.equals(nodeId)) {
            Long sent = pingsInFlight.get(seq);
            if (sent != null) {
                leaseFrom = sent;
                pingsInFlight.headMap(seq, true).clear();
            }
        }
    }

    /** The connection goes back to the pool: it must not go on collecting notices for its next user. */
    private static void unlisten(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
        } catch (SQLException e) {
            log.debug("UNLISTEN failed on a connection that is going away: {}", e.getMessage());
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
}
