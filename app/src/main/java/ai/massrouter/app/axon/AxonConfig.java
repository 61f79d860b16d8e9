package ai.massrouter.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import ai.massrouter.projections.statistics.UsageStatisticsProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Axon's messages and events are JSON, written by an ObjectMapper of their own: the web's
 * naming or strictness settings must never change how the event log is written or read.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    private static ObjectMapper eventObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** One background thread of this name, which never keeps the JVM from stopping. */
    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(eventObjectMapper()).build();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jackson();
    }

    /**
     * Axon's default resolver for the JDBC store looks for {@code SQLIntegrityConstraintViolationException},
     * which the PostgreSQL driver never throws: a duplicate (aggregate, sequence) from a race between
     * nodes would surface as a non-transient storage error (HTTP 500). SQLSTATE 23505 (unique
     * violation) turns it into the {@code ConcurrencyException} it is.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /** Commands that lost a race with another node are retried a few times, with back-off. */
    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(daemon("command-retry"));
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                         @Value("${massrouter.commands.max-retries:5}") int maxRetries) {
        return DefaultCommandGateway.builder().commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor).maxRetryCount(maxRetries).backoffFactor(20)))
                .build();
    }

    /**
     * The statistics add every call to rows that many accounts share (a model's day, the platform's
     * day): two segments would update them in different orders and deadlock, so one segment takes
     * all of its events, in the order of the log.
     */
    @Bean
    public ConfigurerModule sequentialStatistics() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(
                UsageStatisticsProjection.GROUP, config -> new SequentialPolicy()));
    }

    /** Event processing as Axon's, with each processor's handlers asked once per kind of event ({@link KnownHandlersInvoker}). */
    @Bean
    public EventProcessingModule eventProcessingModule() {
        return new KnownHandlersProcessingModule();
    }

    /** The thread that writes snapshots: one, so that snapshots never take more than a core's share. */
    @Bean(destroyMethod = "shutdownNow")
    public ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(daemon("snapshotter"));
    }

    /**
     * Axon's snapshotter, in the background: by default it rebuilds the aggregate from the log in
     * the committing thread, after the commit but before the aggregate's lock is released, so every
     * hundredth charge of an account held up the account (and its group commit) for the time it
     * took to read and apply a hundred events. A snapshot only shortens a cold load; nothing waits
     * for it, and one that is lost with a stopping node is taken again later. A snapshot already
     * queued for an aggregate is not queued twice.
     */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore, TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory,
                                                           ExecutorService snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }
}
