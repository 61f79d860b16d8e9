package ai.massrouter.app.axon;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the shared reader's reads are paced; what they return, and everything else, is the engine's. */
class PacedEventStorageEngineTest {

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final PacedEventStorageEngine paced = new PacedEventStorageEngine(engine, Duration.ofMillis(20));

    @Test
    void theReadersReads_startAtMostOncePerDelay_andReturnWhatTheEngineHolds() {
        paced.appendEvents(new GenericDomainEventMessage<>("Account", "acc_1", 0, "charged"),
                new GenericDomainEventMessage<>("Account", "acc_1", 1, "charged again"));
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(paced.readEvents(null, true)).hasSize(2);
        }
        // the first read at once, each of the nine others at least 20 ms after the one before
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(180));
    }

    @Test
    void otherReadsAndWrites_areNotPaced() {
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            paced.appendEvents(new GenericDomainEventMessage<>("Account", "acc_2", i, "charge " + i));
            assertThat(paced.readEvents(null, false)).hasSize(i + 1);
            assertThat(paced.readEvents("acc_2").asStream()).hasSize(i + 1);
            assertThat(paced.lastSequenceNumberFor("acc_2")).contains((long) i);
        }
        // paced, the hundred stream reads alone would take two seconds
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }
}
