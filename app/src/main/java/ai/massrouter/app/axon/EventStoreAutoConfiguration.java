package ai.massrouter.app.axon;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * The embedded event store on the JDBC storage engine, as Axon's autoconfiguration builds it, but
 * with its shared reader starting a read at most once per {@code massrouter.event-store.wake-up-delay}
 * (5 ms) instead of again at once after every read that found events ({@link PacedEventStorageEngine}),
 * looking for other nodes' events every {@code massrouter.event-store.poll-interval}, and telling
 * the processors when events arrive ({@link AnnouncingEventStore}); processors far behind the head
 * share their reads ({@link CatchUpReads}, {@code massrouter.event-store.catch-up-window}).
 * An auto-configuration of its own, between Axon's JDBC one (which defines the storage engine only
 * while no event store exists) and Axon's main one (which then builds no event store). Not with Axon
 * Server, whose store is its own.
 */
@AutoConfiguration(after = JdbcAutoConfiguration.class, before = AxonAutoConfiguration.class)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class EventStoreAutoConfiguration {

    @Bean
    @ConditionalOnBean(EventStorageEngine.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         @Value("${massrouter.event-store.wake-up-delay:PT0.005S}") Duration delay,
                                         @Value("${massrouter.event-store.poll-interval:PT0.1S}") Duration poll,
                                         @Value("${massrouter.event-store.notify-interval:PT0.1S}") Duration notify,
                                         @Value("${massrouter.event-store.catch-up-window:10000}") int catchUpWindow) {
        return AnnouncingEventStore.on(storageEngine, delay, poll, notify, catchUpWindow);
    }
}
