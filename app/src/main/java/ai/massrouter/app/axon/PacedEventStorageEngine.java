package ai.massrouter.app.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The storage engine as the embedded event store's reader sees it: that reader (the one stream
 * that reads with {@code mayBlock}, filling the processors' shared cache) starts a read at most
 * once per {@code delay}. Axon's reader reads again at once whenever its last read found events;
 * under a steady trickle of commits (one gateway caller: a commit every 1.4 ms) each read found one
 * event, and the reader's queries were four of every five transactions PostgreSQL ran
 * (docs/benchmarks.md). Paced, a read takes everything committed in the last {@code delay}, at
 * most {@code delay} later. Every other read (aggregates, snapshots, a processor's own stream when
 * it is behind the cache, replays) and every write goes straight through. {@code reader} wraps
 * the reader's streams ({@link AnnouncingEventStore} announces what they hand out).
 */
final class PacedEventStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final long delayNanos;
    private final UnaryOperator<Stream<? extends TrackedEventMessage<?>>> reader;
    /** When the reader's last read started; only the reader's thread reads with mayBlock. */
    private volatile long lastRead;

    PacedEventStorageEngine(EventStorageEngine delegate, Duration delay) {
        this(delegate, delay, UnaryOperator.identity());
    }

    PacedEventStorageEngine(EventStorageEngine delegate, Duration delay,
                            UnaryOperator<Stream<? extends TrackedEventMessage<?>>> reader) {
        this.delegate = delegate;
        this.delayNanos = delay.toNanos();
        this.reader = reader;
        this.lastRead = System.nanoTime() - delayNanos;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return delegate.readEvents(trackingToken, false);
        }
        if (delayNanos > 0) {
            long wait = lastRead + delayNanos - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
            }
            lastRead = System.nanoTime();
        }
        return reader.apply(delegate.readEvents(trackingToken, true));
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
