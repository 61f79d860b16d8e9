package ai.massrouter.app.axon;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The embedded event store, whose streams tell their processor when events arrive. Axon's embedded
 * store takes no availability callback, so a pooled processor that found its stream empty looked
 * again only 500 ms later: at 50 calls/s every read model lagged 0-500 ms behind the log (p50
 * 265 ms, docs/benchmarks.md). Here a stream takes its processor's callback, and the shared reader
 * runs the callbacks once the events it read are in the cache that the streams read (each callback
 * only schedules its processor's coordinator). The shared reader's reads are paced
 * ({@link PacedEventStorageEngine}); when nothing was committed on this node it looks again after
 * {@code poll} (Axon's default: a second), for what other nodes committed.
 */
final class AnnouncingEventStore extends EmbeddedEventStore {

    private final Set<Runnable> callbacks;
    private final CatchUpReads catchUp;
    private final AtomicBoolean shutDown;
    private final long notifyIntervalNanos;
    /** Runs the callbacks held back by {@code notifyInterval}. */
    private final ScheduledExecutorService lateNotices = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-notices");
        thread.setDaemon(true);
        return thread;
    });

    private AnnouncingEventStore(Builder builder, Set<Runnable> callbacks, CatchUpReads catchUp,
                                 AtomicBoolean shutDown, Duration notifyInterval) {
        super(builder);
        this.callbacks = callbacks;
        this.catchUp = catchUp;
        this.shutDown = shutDown;
        this.notifyIntervalNanos = notifyInterval.toNanos();
    }

    /**
     * {@code notifyInterval}: a processor is told at most once per this (the first time at once), so
     * that under load it takes the events of several reads in one batch. {@code catchUpWindow}: see
     * {@link CatchUpReads}; 0 lets every processor far behind read on its own.
     */
    static AnnouncingEventStore on(EventStorageEngine engine, Duration pace, Duration poll, Duration notifyInterval,
                                   int catchUpWindow) {
        Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
        AtomicBoolean shutDown = new AtomicBoolean();
        EventStorageEngine reader = new PacedEventStorageEngine(engine, pace,
                events -> announcing(events, callbacks, shutDown));
        Builder builder = builder().storageEngine(reader).fetchDelay(Math.max(1, poll.toMillis()));
        return new AnnouncingEventStore(builder, callbacks,
                catchUpWindow > 0 ? new CatchUpReads(engine, catchUpWindow) : null, shutDown, notifyInterval);
    }

    /**
     * Axon's reader may be in the middle of a read when the store shuts down; it then read on, and
     * its next query could meet a closed connection pool (an ERROR at shutdown). It reads no further.
     */
    @Override
    public void shutDown() {
        shutDown.set(true);
        if (catchUp != null) {
            catchUp.shutDown();
        }
        lateNotices.shutdownNow();
        super.shutDown();
    }

    /** A stream far behind the head shares its reads with the others from the same place ({@link CatchUpReads}). */
    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        if (catchUp != null && catchUp.farBehind(trackingToken)) {
            return catchUp.open(trackingToken, this::liveStream);
        }
        return liveStream(trackingToken);
    }

    private TrackingEventStream liveStream(TrackingToken trackingToken) {
        return new Announced(super.openStream(trackingToken), callbacks, this::throttled);
    }

    /** {@code callback}, run at most once per notify interval: at once if the last run is that old, else then. */
    private Runnable throttled(Runnable callback) {
        if (notifyIntervalNanos <= 0) {
            return callback;
        }
        AtomicBoolean late = new AtomicBoolean();
        AtomicLong lastRun = new AtomicLong(System.nanoTime() - notifyIntervalNanos);
        Runnable run = () -> {
            lastRun.set(System.nanoTime());
            callback.run();
        };
        return () -> {
            long wait = lastRun.get() + notifyIntervalNanos - System.nanoTime();
            if (wait <= 0 && !late.get()) {
                run.run();
            } else if (late.compareAndSet(false, true)) {
                try {
                    lateNotices.schedule(() -> {
                        late.set(false);
                        run.run();
                    }, Math.max(0, wait), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException shuttingDown) {
                    late.set(false);
                }
            }
        };
    }

    /**
     * The shared reader's stream: before it takes the next event (and before it reads again from the
     * database), every event it handed out is in the cache; the callbacks run then.
     */
    private static Stream<? extends TrackedEventMessage<?>> announcing(
            Stream<? extends TrackedEventMessage<?>> events, Set<Runnable> callbacks, AtomicBoolean shutDown) {
        Spliterator<? extends TrackedEventMessage<?>> source = events.spliterator();
        Spliterator<TrackedEventMessage<?>> announced = new Spliterators.AbstractSpliterator<>(
                Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private boolean handedOut;

            @Override
            public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
                if (handedOut) {
                    handedOut = false;
                    callbacks.forEach(Runnable::run);
                }
                handedOut = !shutDown.get() && source.tryAdvance(action);
                return handedOut;
            }
        };
        return StreamSupport.stream(announced, false).onClose(events::close);
    }

    /** A processor's stream that keeps its callback among the store's until it is closed. */
    private static final class Announced implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private final Set<Runnable> callbacks;
        private final UnaryOperator<Runnable> throttle;
        private volatile Runnable callback;

        private Announced(TrackingEventStream delegate, Set<Runnable> callbacks, UnaryOperator<Runnable> throttle) {
            this.delegate = delegate;
            this.callbacks = callbacks;
            this.throttle = throttle;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            Runnable throttled = throttle.apply(callback);
            this.callback = throttled;
            callbacks.add(throttled);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable own = callback;
            if (own != null) {
                callbacks.remove(own);
            }
            delegate.close();
        }
    }
}
