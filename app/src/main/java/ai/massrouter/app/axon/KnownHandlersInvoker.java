package ai.massrouter.app.axon;

import org.axonframework.common.ObjectUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.async.SequencingPolicy;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One processor's handlers, asked once per kind of event whether they handle it, instead of once
 * per event and per segment. Axon's own invoker walks every handler method of every projection
 * for each event and each of the processor's work packages, and asks every handler whether it
 * has a reset handler each time ({@code MultiEventHandlerInvoker.canHandle}): on two cores that was
 * a sixth of the JVM's time under a charge load (docs/benchmarks.md). The handlers of a processor
 * are fixed once it is built, and ours choose by the event's payload type and whether it is an
 * aggregate's (a {@code @SequenceNumber} parameter needs a domain event), never by its metadata or
 * content, so the answer for a (payload type, domain event or not, replay or not) holds for every
 * such event.
 * Everything else (handling, resets, dead letters, segments) is the delegate's.
 */
final class KnownHandlersInvoker implements EventHandlerInvoker {

    private final SimpleEventHandlerInvoker delegate;
    private final SequencingPolicy<? super EventMessage<?>> sequencing;
    private final boolean supportsReset;
    private final Map<Class<?>, Boolean> types = new ConcurrentHashMap<>();
    /** By payload type: the answer for each of (domain event or not) x (replayed or not). */
    private final Map<Class<?>, Boolean[]> kinds = new ConcurrentHashMap<>();

    private KnownHandlersInvoker(SimpleEventHandlerInvoker delegate) {
        this.delegate = delegate;
        this.sequencing = delegate.getSequencingPolicy();
        this.supportsReset = delegate.supportsReset();
    }

    /** The same invoker with each of its simple invokers wrapped (saga managers stay as they are). */
    static EventHandlerInvoker around(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return new MultiEventHandlerInvoker(multi.delegates().stream().map(KnownHandlersInvoker::around).toList());
        }
        return invoker instanceof SimpleEventHandlerInvoker simple ? new KnownHandlersInvoker(simple) : invoker;
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        if (!handles(event)) {
            return false;
        }
        // SimpleEventHandlerInvoker's own segment test: the sequence identifier, else the event's id
        Object sequence = ObjectUtils.getOrDefault(sequencing.getSequenceIdentifierFor(event), event::getIdentifier);
        return segment.matches(Objects.hashCode(sequence));
    }

    private boolean handles(EventMessage<?> event) {
        int kind = (event instanceof DomainEventMessage ? 1 : 0) | (ReplayToken.isReplay(event) ? 2 : 0);
        Boolean[] answers = kinds.computeIfAbsent(event.getPayloadType(), type -> new Boolean[4]);
        Boolean answer = answers[kind];
        if (answer == null) {
            // worked out at most a few times by racing threads, each with the same answer
            answer = delegate.canHandle(event, Segment.ROOT_SEGMENT);
            answers[kind] = answer;
        }
        return answer;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return types.computeIfAbsent(payloadType, delegate::canHandleType);
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        delegate.handle(event, segment);
    }

    @Override
    public boolean supportsReset() {
        return supportsReset;
    }

    @Override
    public void performReset() {
        delegate.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        delegate.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        delegate.segmentReleased(segment);
    }
}
