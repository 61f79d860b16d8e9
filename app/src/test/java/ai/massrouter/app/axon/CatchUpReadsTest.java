package ai.massrouter.app.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams far behind the head share one reader: each still gets exactly what a private stream from
 * its token gets, the reader stays within a window of the slowest, and a stream goes on with the
 * live store once it has read everything the reader found.
 */
class CatchUpReadsTest {

    private static final int WINDOW = 1_000;

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final AnnouncingEventStore store = AnnouncingEventStore.on(engine, Duration.ofMillis(5),
            Duration.ofMillis(100), Duration.ofMillis(50), WINDOW);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void shutDown() {
        threads.shutdownNow();
        store.shutDown();
    }

    private void publish(int from, int count) {
        List<GenericEventMessage<String>> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(new GenericEventMessage<>("event " + i));
        }
        store.publish(events);
    }

    private static List<String> read(TrackingEventStream stream, int count, boolean slow) throws Exception {
        List<String> seen = new ArrayList<>();
        while (seen.size() < count) {
            if (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                seen.add(event.trackingToken().position().orElseThrow() + " " + event.getPayload());
                if (slow && seen.size() % 500 == 0) {
                    Thread.sleep(20);
                }
            } else {
                break;
            }
        }
        return seen;
    }

    private static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("catch-up-reader")).count();
    }

    /** What a private stream from {@code token} hands out, read straight from the engine. */
    private List<String> privately(TrackingToken token, int count) {
        return engine.readEvents(token, false).limit(count)
                .map(e -> e.trackingToken().position().orElseThrow() + " " + e.getPayload())
                .collect(Collectors.toList());
    }

    @Test
    void streamsFromTheSamePlace_eachGetEveryEventInOrder_atTheirOwnPace() throws Exception {
        publish(0, 20_000);
        List<Future<List<String>>> readers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TrackingEventStream stream = store.openStream(null);
            boolean slow = i == 0;
            readers.add(threads.submit(() -> read(stream, 20_000, slow)));
        }
        List<String> expected = privately(null, 20_000);
        assertThat(expected).hasSize(20_000);
        for (Future<List<String>> reader : readers) {
            assertThat(reader.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
        }
    }

    @Test
    void theReader_staysWithinAWindowOfTheSlowestStream() throws Exception {
        publish(0, 10_000);
        TrackingEventStream stalled = store.openStream(null);
        TrackingEventStream fast = store.openStream(null);
        List<String> fastSeen = read(fast, 10_000, false);
        // the stalled stream took nothing: the reader read a window (and one step of 100) past it, no more
        assertThat(fastSeen.size()).isBetween(WINDOW, WINDOW + 100);
        // both moving (each holds the other back by at most a window)
        Future<List<String>> stalledSeen = threads.submit(() -> read(stalled, 10_000, false));
        fastSeen.addAll(read(fast, 10_000 - fastSeen.size(), false));
        assertThat(fastSeen).isEqualTo(privately(null, 10_000));
        assertThat(stalledSeen.get(60, TimeUnit.SECONDS)).isEqualTo(privately(null, 10_000));
    }

    @Test
    void aStreamOpenedWhereAnotherIs_joinsIt_andEveryStreamGoesOnLive() throws Exception {
        publish(0, 5_000);
        TrackingEventStream first = store.openStream(null);
        List<String> firstSeen = read(first, 300, false);
        TrackingToken at = engine.readEvents(null, false).skip(299).findFirst().orElseThrow().trackingToken();
        TrackingEventStream second = store.openStream(at);
        assertThat(readerThreads()).isEqualTo(1); // the second joined the first's reader
        Callable<List<String>> rest = () -> read(second, 4_700, false);
        Future<List<String>> secondSeen = threads.submit(rest);
        firstSeen.addAll(read(first, 4_700, false));
        assertThat(firstSeen).isEqualTo(privately(null, 5_000));
        assertThat(secondSeen.get(60, TimeUnit.SECONDS)).isEqualTo(privately(at, 4_700));

        publish(5_000, 10); // after the catch-up: from the live store
        assertThat(read(first, 10, false)).isEqualTo(privately(null, 5_010).subList(5_000, 5_010));
        assertThat(read(second, 10, false)).isEqualTo(privately(null, 5_010).subList(5_000, 5_010));
        first.close();
        second.close();
    }
}
