package ai.massrouter.command.model;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.model.AddModelCommand;
import ai.massrouter.api.model.ModelCategory;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelRoute;
import ai.massrouter.api.user.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** A model as the seed file and the admin API describe it. */
public record ModelDefinition(@NotBlank String id, @NotBlank @Size(max = 200) String name,
                              @NotBlank @Size(max = 64) String provider, @NotBlank String category,
                              @Size(max = 2000) String description,
                              @Min(1) @Max(100_000_000) int contextLength,
                              @NotNull @Valid PricingJson pricing,
                              @NotEmpty List<@Valid RouteJson> routes) {

    public record RouteJson(@NotBlank String provider, @NotBlank String upstreamModel) {
    }

    public AddModelCommand toCommand(String platformCurrency, UserId addedBy, Instant at) {
        if (!ModelId.isValid(id)) {
            throw DomainException.invalid("id", "must look like provider/model-name");
        }
        if (ModelCategory.fromWire(category).isEmpty()) {
            throw DomainException.invalid("category", "must be one of chat, code, reasoning, vision, embedding, image, audio");
        }
        return new AddModelCommand(ModelId.of(id), name, provider, category, description == null ? "" : description,
                contextLength, pricing.toPricing(platformCurrency), routes.stream()
                .map(r -> new ModelRoute(r.provider(), r.upstreamModel())).toList(), addedBy, at);
    }
}
