package ai.massrouter.app.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;

/** Axon's event processing, with each pooled streaming processor's handlers in a {@link KnownHandlersInvoker}. */
class KnownHandlersProcessingModule extends EventProcessingModule {

    @Override
    protected EventProcessor pooledStreamingEventProcessor(
            String name, EventHandlerInvoker invoker, Configuration config,
            StreamableMessageSource<TrackedEventMessage<?>> source, PooledStreamingProcessorConfiguration customization) {
        return super.pooledStreamingEventProcessor(name, KnownHandlersInvoker.around(invoker), config, source,
                customization);
    }
}
