package ai.massrouter.command.model;

import ai.massrouter.api.model.ModelAddedEvent;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPriceChangedEvent;
import ai.massrouter.api.model.ModelStatusChangedEvent;
import ai.massrouter.api.model.ModelView;
import ai.massrouter.api.model.PriceModelQuery;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one price list: the gateway ({@link PriceModelQuery}) and usage metering
 * ({@code POST /api/v1/billing/usage}) price a call here. Each model is kept in the node, built
 * from its own events (the source of truth, not the read model), and checked before every use
 * against its stream's last sequence number, one index lookup (as the aggregate cache is): an admin's
 * price or status change made on any node applies to the very next call on every node, and an
 * unchanged model costs no event read. Only models that exist are kept; the catalog is small.
 */
@Component
public class PriceList {

    private final EventStore events;
    private final ConcurrentMap<String, Priced> models = new ConcurrentHashMap<>();

    public PriceList(EventStore events) {
        this.events = events;
    }

    @QueryHandler
    public ModelView handle(PriceModelQuery query) {
        ModelId id = query.modelId();
        return id == null || !ModelId.isValid(id.value()) ? null : priced(id).orElse(null);
    }

    /** The model as its events say now; empty when the catalog has none of that id. */
    public Optional<ModelView> model(String modelId) {
        return ModelId.isValid(modelId) ? priced(ModelId.of(modelId)) : Optional.empty();
    }

    /** A model of a well-formed id, as its events say now; its stream is named by the aggregate id. */
    private Optional<ModelView> priced(ModelId id) {
        String modelId = id.value();
        String stream = id.aggregateId();
        Optional<Long> last = events.lastSequenceNumberFor(stream);
        if (last.isEmpty()) {
            models.remove(modelId);
            return Optional.empty();
        }
        Priced cached = models.get(modelId);
        if (cached != null && cached.sequence() >= last.get()) {
            return Optional.of(cached.view());
        }
        Priced current = applyNewer(stream, cached);
        if (current == null) {
            return Optional.empty();
        }
        models.merge(modelId, current, (old, fresh) -> fresh.sequence() >= old.sequence() ? fresh : old);
        return Optional.of(current.view());
    }

    /** {@code cached} with the events after it applied (all of the stream's when null). */
    private Priced applyNewer(String stream, Priced cached) {
        ModelView view = cached == null ? null : cached.view();
        long sequence = cached == null ? -1 : cached.sequence();
        DomainEventStream newer = events.readEvents(stream, sequence + 1);
        while (newer.hasNext()) {
            DomainEventMessage<?> event = newer.next();
            view = apply(view, event.getPayload());
            sequence = event.getSequenceNumber();
        }
        return view == null ? null : new Priced(view, sequence);
    }

    private static ModelView apply(ModelView view, Object event) {
        if (event instanceof ModelAddedEvent e) {
            return new ModelView(e.modelId().value(), e.name(), e.provider(), e.category(), e.description(),
                    e.contextLength(), e.status(), e.pricing(), e.routes(), 0, e.at(), e.at());
        }
        if (view == null) {
            return null;
        }
        if (event instanceof ModelPriceChangedEvent e) {
            return new ModelView(view.id(), view.name(), view.provider(), view.category(), view.description(),
                    view.contextLength(), view.status(), e.pricing(), view.routes(), 0, view.createdAt(), e.at());
        }
        if (event instanceof ModelStatusChangedEvent e) {
            return new ModelView(view.id(), view.name(), view.provider(), view.category(), view.description(),
                    view.contextLength(), e.status(), view.pricing(), view.routes(), 0, view.createdAt(), e.at());
        }
        return view;
    }

    private record Priced(ModelView view, long sequence) {
    }
}
