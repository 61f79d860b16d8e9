package ai.massrouter.command.model;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.model.AddModelCommand;
import ai.massrouter.api.model.ChangeModelPriceCommand;
import ai.massrouter.api.model.ChangeModelStatusCommand;
import ai.massrouter.api.model.ModelAddedEvent;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPriceChangedEvent;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.model.ModelStatus;
import ai.massrouter.api.model.ModelStatusChangedEvent;
import ai.massrouter.command.invalidation.CacheInvalidation;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A catalog entry; its price history is the sequence of its {@link ModelPriceChangedEvent}s. */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ModelAggregate {

    @AggregateIdentifier
    private ModelId modelId;
    private ModelPricing pricing;
    private ModelStatus status;

    protected ModelAggregate() {
    }

    /** Adding a model that exists changes nothing, so the seed file can be loaded at every start. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(AddModelCommand c) {
        if (modelId != null) {
            return false;
        }
        ensureSameCurrency(c.pricing());
        apply(new ModelAddedEvent(c.modelId(), c.name(), c.provider(), c.category(), c.description(),
                c.contextLength(), c.pricing(), c.routes(), ModelStatus.AVAILABLE, c.addedBy(), c.at()));
        return true;
    }

    @CommandHandler
    public void handle(ChangeModelPriceCommand c, CacheInvalidation invalidation) {
        ensureSameCurrency(c.pricing());
        if (c.pricing().equals(pricing)) {
            return;
        }
        apply(new ModelPriceChangedEvent(modelId, pricing, c.pricing(), c.changedBy(), c.at()));
        invalidation.changed(PriceList.CHANGES, modelId.value());
    }

    @CommandHandler
    public void handle(ChangeModelStatusCommand c, CacheInvalidation invalidation) {
        if (c.status() != status) {
            apply(new ModelStatusChangedEvent(modelId, c.status(), c.reason(), c.changedBy(), c.at()));
            invalidation.changed(PriceList.CHANGES, modelId.value());
        }
    }

    private static void ensureSameCurrency(ModelPricing pricing) {
        if (!pricing.inputPerMillion().currency().equals(pricing.outputPerMillion().currency())) {
            throw DomainException.invalid("currency", "input and output prices must share one currency");
        }
        if (pricing.inputPerMillion().isNegative() || pricing.outputPerMillion().isNegative()
                || (pricing.cacheReadPerMillion() != null && pricing.cacheReadPerMillion().isNegative())) {
            throw DomainException.invalid("pricing", "prices must not be negative");
        }
    }

    @EventSourcingHandler
    void on(ModelAddedEvent e) {
        modelId = e.modelId();
        pricing = e.pricing();
        status = e.status();
    }

    @EventSourcingHandler
    void on(ModelPriceChangedEvent e) {
        pricing = e.pricing();
    }

    @EventSourcingHandler
    void on(ModelStatusChangedEvent e) {
        status = e.status();
    }
}
