package ai.massrouter.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded event store, telling its reader about new events at most once per {@code delay}.
 * Axon's reader (the one that fills the event processors' shared cache) wakes up after every
 * commit that appended events and reads at once; under load, with hundreds of commits a second,
 * it read about 1.3 events per query, each query its own transaction, a fifth of PostgreSQL's
 * statements (docs/benchmarks.md). Here the first commit of a window schedules one wake-up
 * {@code delay} later, and the commits meanwhile ride on it: the processors see new events at
 * most {@code delay} later, and the reader reads them together. Nothing else changes: the events
 * are committed before this is called, and the reader still polls on its own when it found nothing.
 */
public class CoalescingEventStore extends EmbeddedEventStore {

    private final long delayNanos;
    private final AtomicBoolean wakeUpScheduled = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-store-wake-up");
        thread.setDaemon(true);
        return thread;
    });

    public CoalescingEventStore(Builder builder, Duration delay) {
        super(builder);
        this.delayNanos = delay.toNanos();
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (delayNanos <= 0) {
            super.afterCommit(events);
        } else if (wakeUpScheduled.compareAndSet(false, true)) {
            timer.schedule(() -> {
                wakeUpScheduled.set(false);
                super.afterCommit(List.of());
            }, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void shutDown() {
        timer.shutdownNow();
        super.shutDown();
    }
}
