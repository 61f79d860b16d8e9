package ai.massrouter.app.axon;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One read of the log for every processor that catches up from the same place. Axon's embedded
 * store shares its reads only at the head of the log: a processor further behind reads the log on
 * its own, so a rebuild of nine read models read, mapped and deserialised every event nine times,
 * and that bounded the rebuild (docs/benchmarks.md). Here the streams that open at the same token
 * far behind the head share one reader thread and the same messages (a payload is deserialised
 * once, by the first processor that needs it). The reader runs at most {@code window} events
 * ahead of its slowest stream, so memory stays bounded and the slowest read model sets the pace;
 * a stream that reaches the end of what the reader found continues on {@code live} (the embedded
 * store's stream) from its last token. Each stream hands out exactly the events, with the same
 * tokens, that a private stream from its token would.
 */
final class CatchUpReads {

    private static final Logger log = LoggerFactory.getLogger(CatchUpReads.class);

    private final EventStorageEngine engine;
    private final int window;
    private final List<Reader> readers = new ArrayList<>();
    private volatile boolean shutDown;

    CatchUpReads(EventStorageEngine engine, int window) {
        this.engine = engine;
        this.window = window;
    }

    /** Whether a stream from {@code token} is more than a window of events behind the head of the log. */
    boolean farBehind(TrackingToken token) {
        long at = token == null ? -1 : token.position().orElse(Long.MAX_VALUE);
        TrackingToken head = engine.createHeadToken();
        long last = head == null ? -1 : head.position().orElse(-1);
        return last - at > window;
    }

    /** The readers read no further (the store shuts down; the connection pool closes next). */
    void shutDown() {
        shutDown = true;
    }

    /** A stream from {@code token}: on a reader that can still serve it, else on a new one. */
    synchronized TrackingEventStream open(TrackingToken token, Function<TrackingToken, TrackingEventStream> live) {
        for (Reader reader : readers) {
            Node node = reader.nodeAt(token);
            if (node != null) {
                return reader.join(node, live);
            }
        }
        Reader reader = new Reader(token);
        readers.add(reader);
        Shared stream = reader.join(reader.oldest, live);
        reader.start();
        return stream;
    }

    /**
     * An event and the token of a stream that has taken it; the first node has no event, only the
     * token the reader started from.
     */
    private static final class Node {
        final long index;
        final TrackingToken token;
        final TrackedEventMessage<?> event;
        volatile Node next;

        Node(long index, TrackingToken token, TrackedEventMessage<?> event) {
            this.index = index;
            this.token = token;
            this.event = event;
        }
    }

    private final class Reader implements Runnable {

        private final ReentrantLock lock = new ReentrantLock();
        /** Signalled when nodes were added or the reader finished. */
        private final Condition arrived = lock.newCondition();
        /** Signalled when a stream moved on or left while the reader waited for room. */
        private final Condition room = lock.newCondition();
        private final Set<Shared> streams = ConcurrentHashMap.newKeySet();
        /** The oldest node a new stream may still start from: the last {@code window} events (never the whole chain). */
        private volatile Node oldest;
        private volatile Node newest;
        private volatile boolean waitingForRoom;
        /** The reader read its last event (the end of the log, no stream left, shutdown or a failure). */
        private volatile boolean finished;

        Reader(TrackingToken from) {
            oldest = new Node(0, from, null);
            newest = oldest;
        }

        void start() {
            Thread thread = new Thread(this, "catch-up-reader");
            thread.setDaemon(true);
            thread.start();
        }

        /** The node after which a stream at {@code token} continues, if this reader still holds it. */
        Node nodeAt(TrackingToken token) {
            if (finished) {
                return null;
            }
            for (Node node = oldest; node != null; node = node.next) {
                if (Objects.equals(node.token, token)) {
                    return node;
                }
            }
            return null;
        }

        Shared join(Node at, Function<TrackingToken, TrackingEventStream> live) {
            Shared stream = new Shared(this, at, live);
            streams.add(stream);
            return stream;
        }

        void leave(Shared stream) {
            streams.remove(stream);
            movedOn();
        }

        /** A stream took a node: wakes the reader if it waits for room (cheap otherwise). */
        void movedOn() {
            if (waitingForRoom) {
                lock.lock();
                try {
                    room.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            log.info("Shared catch-up read of the event log started after position {} for {} stream(s)",
                    position(oldest.token), streams.size());
            try {
                read();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!shutDown) {
                    log.warn("Shared catch-up read failed; its streams continue on their own: {}", e.toString());
                }
            } finally {
                finished = true;
                oldest = newest; // no stream joins any more: the window is not kept (the streams hold their nodes)
                synchronized (CatchUpReads.this) {
                    readers.remove(this);
                }
                signal();
                double seconds = (System.nanoTime() - start) / 1e9;
                log.info("Shared catch-up read ended at position {}: {} events in {} s ({} events/s)",
                        position(newest.token), newest.index, String.format("%.1f", seconds),
                        Math.round(newest.index / Math.max(seconds, 0.001)));
            }
        }

        private static long position(TrackingToken token) {
            return token == null ? -1 : token.position().orElse(-1);
        }

        /** Reads until the end of the log, or until no stream is left; waits while the slowest is a window behind. */
        private void read() throws InterruptedException {
            boolean more = true;
            while (more && !streams.isEmpty() && !shutDown) {
                more = false;
                try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(newest.token, false)) {
                    Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
                    while (!shutDown && iterator.hasNext()) {
                        Node last = newest;
                        TrackedEventMessage<?> event = iterator.next();
                        Node node = new Node(last.index + 1, event.trackingToken(), event);
                        last.next = node;
                        newest = node;
                        while (oldest.index + window < node.index) {
                            oldest = oldest.next;
                        }
                        if (node.index % 100 == 0) {
                            signal();
                            if (!awaitRoom()) {
                                return;
                            }
                            if (node.index % window == 0) {
                                more = true; // a fresh query now and then: a long-open result set holds the database back
                                break;
                            }
                        }
                    }
                }
                signal();
            }
            // Axon's stream ends at its first read that finds nothing: the head of the log as of then.
            // The streams go on with the live store, which reads what came since and tails the head.
        }

        /** Waits while the slowest stream is a window behind; false when no stream is left. */
        private boolean awaitRoom() throws InterruptedException {
            lock.lock();
            try {
                waitingForRoom = true;
                while (true) {
                    if (streams.isEmpty() || shutDown) {
                        return false;
                    }
                    long slowest = streams.stream().mapToLong(s -> s.current.index).min().orElse(newest.index);
                    if (newest.index - slowest < window) {
                        return true;
                    }
                    room.await(100, TimeUnit.MILLISECONDS);
                }
            } finally {
                waitingForRoom = false;
                lock.unlock();
            }
        }

        /** Wakes the streams that wait for nodes, and tells their processors. */
        private void signal() {
            lock.lock();
            try {
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
            streams.forEach(Shared::announce);
        }

        boolean await(Node current, long nanos) throws InterruptedException {
            lock.lock();
            try {
                while (current.next == null && !finished && nanos > 0) {
                    nanos = arrived.awaitNanos(nanos);
                }
                return current.next != null;
            } finally {
                lock.unlock();
            }
        }
    }

    /** A processor's stream: the reader's nodes, then the live store's stream. */
    private static final class Shared implements TrackingEventStream {

        private Reader reader;
        private final Function<TrackingToken, TrackingEventStream> liveStreams;
        private volatile Node current;
        private volatile Runnable callback;
        private TrackingEventStream live;

        Shared(Reader reader, Node current, Function<TrackingToken, TrackingEventStream> liveStreams) {
            this.reader = reader;
            this.current = current;
            this.liveStreams = liveStreams;
        }

        void announce() {
            Runnable own = callback;
            if (own != null) {
                own.run();
            }
        }

        /** The live stream once this stream has taken everything the reader found. */
        private TrackingEventStream live() {
            if (live == null && current.next == null && reader.finished) {
                reader.leave(this);
                reader = null; // nothing of the shared read is kept once this stream is live
                live = liveStreams.apply(current.token);
                Runnable own = callback;
                if (own != null) {
                    live.setOnAvailableCallback(own);
                }
            }
            return live;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (live() != null) {
                return live.peek();
            }
            Node next = current.next;
            return next == null ? Optional.empty() : Optional.of(next.event);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (live() != null) {
                return live.hasNextAvailable(timeout, unit);
            }
            if (current.next != null || reader.await(current, unit.toNanos(timeout))) {
                return true;
            }
            return live() != null && live.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (live() == null) {
                Node next = current.next;
                if (next != null) {
                    current = next;
                    reader.movedOn();
                    return next.event;
                }
                reader.await(current, TimeUnit.MILLISECONDS.toNanos(100));
            }
            return live.nextAvailable();
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            if (live != null) {
                live.setOnAvailableCallback(callback);
            }
            return true;
        }

        @Override
        public void close() {
            Reader shared = reader;
            if (shared != null) {
                shared.leave(this);
            }
            if (live != null) {
                live.close();
            }
        }
    }
}
