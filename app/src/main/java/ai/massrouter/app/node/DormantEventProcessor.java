package ai.massrouter.app.node;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The processor of a node without the {@code projections} role: its handlers are known (the
 * projections' query handlers still answer on this node) but it never reads the event stream and
 * never claims a token, so the nodes that do run processors own every segment.
 */
final class DormantEventProcessor implements EventProcessor {

    private final String name;
    private final List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors = new CopyOnWriteArrayList<>();

    DormantEventProcessor(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public List<MessageHandlerInterceptor<? super EventMessage<?>>> getHandlerInterceptors() {
        return List.copyOf(interceptors);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super EventMessage<?>> interceptor) {
        interceptors.add(interceptor);
        return () -> interceptors.remove(interceptor);
    }

    @Override
    public void start() {
        // dormant by design: this node has no projections role
    }

    @Override
    public void shutDown() {
        // nothing was started
    }

    @Override
    public boolean isRunning() {
        return false;
    }

    @Override
    public boolean isError() {
        return false;
    }
}
