package ai.massrouter.query.model;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.PageRequest;
import ai.massrouter.api.model.FindModelQuery;
import ai.massrouter.api.model.FindModelsQuery;
import ai.massrouter.api.model.ModelCategory;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPageView;
import ai.massrouter.api.model.ModelSort;
import ai.massrouter.api.model.ModelView;
import ai.massrouter.query.common.ReadYourWrites;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The public catalog: no authentication needed. Model ids contain a slash: {@code /models/openai/gpt-4o}. */
@RestController
public class ModelQueryController {

    private final ReadYourWrites reads;

    public ModelQueryController(ReadYourWrites reads) {
        this.reads = reads;
    }

    @GetMapping({"/api/v1/models", "/api/v1/models/search"})
    public Page models(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int limit,
                       @RequestParam(required = false) String category,
                       @RequestParam(required = false) String provider,
                       @RequestParam(required = false) String search,
                       @RequestParam(name = "sort_by", defaultValue = "popularity") String sortBy,
                       @RequestParam(required = false) String order) {
        if (category != null && ModelCategory.fromWire(category).isEmpty()) {
            throw DomainException.invalid("category",
                    "must be one of chat, code, reasoning, vision, embedding, image, audio");
        }
        if (provider != null && !provider.matches("^[a-z0-9][a-z0-9._-]{0,63}$")) {
            throw DomainException.invalid("provider", "must be a provider id such as openai");
        }
        if (search != null && search.length() > 200) {
            throw DomainException.invalid("search", "must be at most 200 characters");
        }
        ModelSort sort = switch (sortBy) {
            case "popularity" -> ModelSort.POPULARITY;
            case "price" -> ModelSort.PRICE;
            case "name" -> ModelSort.NAME;
            default -> throw DomainException.invalid("sort_by", "must be one of popularity, price, name");
        };
        boolean descending = order == null ? sort == ModelSort.POPULARITY : switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw DomainException.invalid("order", "must be asc or desc");
        };
        ModelPageView view = reads.ask(new FindModelsQuery(category, provider, search, sort, descending,
                new PageRequest(page, limit)), ModelPageView.class).orElseThrow();
        return new Page(view.items().stream().map(ModelQueryController::model).toList(), view.page(), view.limit(),
                view.total());
    }

    @GetMapping("/api/v1/models/{provider}/{name}")
    public Model model(@PathVariable String provider, @PathVariable String name) {
        return reads.ask(new FindModelQuery(ModelId.of(provider + "/" + name)), ModelView.class)
                .map(ModelQueryController::model)
                .orElseThrow(() -> DomainException.notFound("Model " + provider + "/" + name));
    }

    static Model model(ModelView m) {
        return new Model(m.id(), m.name(), m.provider(), m.category(), m.description(), m.contextLength(),
                m.status().wireName(), new Pricing(m.pricing().inputPerMillion().toDecimal(),
                m.pricing().outputPerMillion().toDecimal(), m.pricing().cacheReadPerMillion() == null ? null
                : m.pricing().cacheReadPerMillion().toDecimal(), m.pricing().currency()), m.popularity(), m.createdAt(),
                m.updatedAt());
    }

    /** {@code cache_read_per_million}: the price of prompt tokens read from the upstream's cache, when it has one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pricing(BigDecimal inputPerMillion, BigDecimal outputPerMillion, BigDecimal cacheReadPerMillion,
                          String currency) {
    }

    public record Model(String id, String name, String provider, String category, String description,
                        int contextLength, String status, Pricing pricing, long popularity, Instant createdAt,
                        Instant updatedAt) {
    }

    public record Page(List<Model> items, int page, int limit, long total) {
    }
}
