package ai.massrouter.app.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.axonframework.serialization.Serializer;

import java.util.Set;

/**
 * A projection that throws on an event does not stop: the event is parked in Axon's dead-letter
 * queue (table {@code deadletterentry}) with every later event of the same aggregate (its
 * sequence), so that one account's read model never applies events out of order, while every
 * other aggregate keeps flowing. An administrator lists and retries them
 * ({@code ProjectionAdminController}). While the database itself is down, parking fails too: the
 * batch then rolls back and the processor retries it, as without a queue. The queue lives in
 * PostgreSQL beside the tokens, with the JDBC event store and with Axon Server alike.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfig {

    @Bean
    public ConfigurerModule deadLetterQueues(@Value("${massrouter.projections.dead-letters}") Set<String> groups,
                                             ConnectionProvider connections, TransactionManager transactions,
                                             Serializer serializer,
                                             @Qualifier("eventSerializer") Serializer eventSerializer) {
        return configurer -> configurer.eventProcessing(processing -> groups.forEach(group -> processing
                // remembers which sequences have no letter, so an event of a healthy aggregate costs no lookup
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (config, builder) -> builder.enableSequenceIdentifierCache())
                .registerDeadLetterQueue(group, config -> JdbcSequencedDeadLetterQueue
                        .<EventMessage<?>>builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(DeadLetterSchema.defaultSchema())
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build())));
    }
}
