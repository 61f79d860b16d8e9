package ai.massrouter.app.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor's stream takes its callback, and the callback runs once a published event can be
 * read from the stream (a pooled processor otherwise looks again only after 500 ms).
 */
class AnnouncingEventStoreTest {

    private final AnnouncingEventStore store = AnnouncingEventStore.on(new InMemoryEventStorageEngine(),
            Duration.ofMillis(5), Duration.ofSeconds(1), Duration.ofMillis(50), 10_000);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aPublishedEvent_runsTheCallback_whenTheStreamCanHandItOut() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("opened"));
        TrackingEventStream stream = store.openStream(null);
        stream.nextAvailable();
        assertThat(stream.hasNextAvailable()).isFalse(); // caught up: the stream now tails the shared reader
        for (int i = 0; i < 5; i++) {
            CountDownLatch told = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(told::countDown)).isTrue();
            store.publish(GenericEventMessage.asEventMessage("charged " + i));
            assertThat(told.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("charged " + i);
        }
        stream.close();
    }

    @Test
    void aClosedStreamsCallback_isNotRunAgain() throws Exception {
        TrackingEventStream closed = store.openStream(null);
        AtomicInteger closedCalls = new AtomicInteger();
        closed.setOnAvailableCallback(closedCalls::incrementAndGet);
        closed.hasNextAvailable();
        closed.close();
        TrackingEventStream open = store.openStream(null);
        CountDownLatch told = new CountDownLatch(1);
        open.setOnAvailableCallback(told::countDown);
        open.hasNextAvailable(); // joins the shared reader
        store.publish(GenericEventMessage.asEventMessage("charged"));
        assertThat(told.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(closedCalls).hasValue(0);
        open.close();
    }
}
