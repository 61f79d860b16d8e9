package ai.massrouter.command.model;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.BillingSettings;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.model.ChangeModelPriceCommand;
import ai.massrouter.api.model.ChangeModelStatusCommand;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import jakarta.validation.Valid;
import ai.massrouter.api.model.FindModelQuery;
import ai.massrouter.api.model.ModelView;
import ai.massrouter.command.config.ReadModelCatchUp;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;

/** Catalog administration. Model ids contain a slash: {@code /admin/models/openai/gpt-4o/pricing}. */
@RestController
@RequestMapping("/api/v1/admin/models")
public class AdminModelController {

    private final CommandGateway commands;
    private final Clock clock;
    private final String currency;
    private final ReadModelCatchUp catchUp;

    public AdminModelController(CommandGateway commands, Clock clock,
                                BillingSettings billing,
                                ReadModelCatchUp catchUp) {
        this.commands = commands;
        this.clock = clock;
        this.currency = billing.currency();
        this.catchUp = catchUp;
    }

    /** Answers once the catalog shows what this write did: the next GET and the gateway see it. */
    private void awaitCatalog(String modelId, Predicate<ModelView> shows) {
        catchUp.await(new FindModelQuery(ModelId.of(modelId)), ModelView.class, shows);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ModelDefinition add(Caller caller, @Valid @RequestBody ModelDefinition model) {
        caller.requireAdmin();
        boolean added = commands.sendAndWait(model.toCommand(currency, caller.userId(), clock.instant()));
        if (!added) {
            throw new DomainException(ErrorCode.ERR_001, "Model " + model.id() + " already exists",
                    java.util.Map.of("id", "already exists"));
        }
        awaitCatalog(model.id(), view -> true);
        return model;
    }

    @PutMapping("/{provider}/{name}/pricing")
    public PriceChanged pricing(Caller caller, @PathVariable String provider, @PathVariable String name,
                                @Valid @RequestBody PricingJson pricing) {
        caller.requireAdmin();
        ModelPricing newPricing = pricing.toPricing(currency);
        Instant now = clock.instant();
        commands.sendAndWait(new ChangeModelPriceCommand(modelId(provider, name), newPricing, caller.userId(), now));
        awaitCatalog(provider + "/" + name, view -> newPricing.equals(view.pricing()));
        return new PriceChanged(provider + "/" + name, PricingJson.of(newPricing), now);
    }

    @PutMapping("/{provider}/{name}/status")
    public StatusChanged status(Caller caller, @PathVariable String provider, @PathVariable String name,
                                @Valid @RequestBody StatusRequest request) {
        caller.requireAdmin();
        Instant now = clock.instant();
        commands.sendAndWait(new ChangeModelStatusCommand(modelId(provider, name), request.status(), request.reason(),
                caller.userId(), now));
        awaitCatalog(provider + "/" + name, view -> view.status() == request.status());
        return new StatusChanged(provider + "/" + name, request.status().wireName(), now);
    }

    private static ModelId modelId(String provider, String name) {
        String id = provider + "/" + name;
        if (!ModelId.isValid(id)) {
            throw DomainException.notFound("Model " + id);
        }
        return ModelId.of(id);
    }

    public record PriceChanged(String id, PricingJson pricing, Instant updatedAt) {
    }

    public record StatusChanged(String id, String status, Instant updatedAt) {
    }
}
