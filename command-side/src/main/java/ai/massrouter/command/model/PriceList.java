package ai.massrouter.command.model;

import ai.massrouter.api.model.ModelAddedEvent;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPriceChangedEvent;
import ai.massrouter.api.model.ModelStatusChangedEvent;
import ai.massrouter.api.model.ModelView;
import ai.massrouter.api.model.PriceModelQuery;
import ai.massrouter.command.invalidation.InvalidationListener;
import ai.massrouter.command.invalidation.NodeCache;
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
 * ({@code POST /api/v1/billing/usage}) price a call here. Each model is built in the node from its
 * own events (the source of truth, not the read model). While the node's invalidation listener is
 * fresh (node caches on, see docs/design.md), a model once checked is served from memory: a price or
 * status change notifies every node from the changing command's transaction
 * ({@code CacheInvalidation}, topic {@value #CHANGES}) and returns only when they dropped it, so
 * the very next call on any node pays the new price. Otherwise each use checks the model against
 * its stream's last sequence number (one index lookup) and reads only newer events. Only models that
 * exist are kept; the catalog is small.
 */
@Component
public class PriceList {

    /** The invalidation topic of a model's price or status change; the id is the model id. */
    public static final String CHANGES = "model";

    private static final int MAX_ENTRIES = 10_000;

    private final EventStore events;
    /** Every model seen, at the sequence it was built to: newer events are applied to it. */
    private final ConcurrentMap<String, Priced> models = new ConcurrentHashMap<>();
    /** The models checked against their streams since the last change notice. */
    private final NodeCache<String, Priced> checked;

    public PriceList(EventStore events, InvalidationListener listener) {
        this.events = events;
        this.checked = new NodeCache<>(listener::fresh, MAX_ENTRIES);
        listener.subscribe(CHANGES, id -> checked.evictWhere(priced -> priced.view().id().equals(id)), checked::clear);
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

    /** A model of a well-formed id: from memory while the node is fresh and it was checked, else checked now. */
    private Optional<ModelView> priced(ModelId id) {
        return checked.get(id.value(), modelId -> current(id)).map(Priced::view);
    }

    /** The model checked against its stream's last sequence number, its newer events applied. */
    private Optional<Priced> current(ModelId id) {
        String modelId = id.value();
        String stream = id.aggregateId();
        Optional<Long> last = events.lastSequenceNumberFor(stream);
        if (last.isEmpty()) {
            models.remove(modelId);
            return Optional.empty();
        }
        Priced cached = models.get(modelId);
        if (cached != null && cached.sequence() >= last.get()) {
            return Optional.of(cached);
        }
        Priced current = applyNewer(stream, cached);
        if (current == null) {
            return Optional.empty();
        }
        return Optional.of(models.merge(modelId, current,
                (old, fresh) -> fresh.sequence() >= old.sequence() ? fresh : old));
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
