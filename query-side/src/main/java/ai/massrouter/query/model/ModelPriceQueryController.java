package ai.massrouter.query.model;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.PageRequest;
import ai.massrouter.api.model.FindModelPricesQuery;
import ai.massrouter.api.model.FindModelQuery;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricePageView;
import ai.massrouter.api.model.ModelPriceView;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.model.ModelView;
import ai.massrouter.query.common.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * A model's price history, public like the catalog: the price it was added with and every change,
 * newest first ({@code /models/openai/gpt-4o/prices}). A model the catalog does not have is ERR_004.
 */
@RestController
public class ModelPriceQueryController {

    private final ReadYourWrites reads;

    public ModelPriceQueryController(ReadYourWrites reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/models/{provider}/{name}/prices")
    public PricePage prices(@PathVariable String provider, @PathVariable String name,
                       @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int limit) {
        String id = provider + "/" + name;
        PageRequest request = new PageRequest(page, limit);
        if (!ModelId.isValid(id) || reads.ask(new FindModelQuery(ModelId.of(id)), ModelView.class).isEmpty()) {
            throw DomainException.notFound("Model " + id);
        }
        ModelPricePageView view = reads.ask(new FindModelPricesQuery(ModelId.of(id), request), ModelPricePageView.class)
                .orElseThrow();
        return new PricePage(view.items().stream().map(ModelPriceQueryController::price).toList(), view.page(),
                view.limit(), view.total());
    }

    private static ModelPrice price(ModelPriceView v) {
        return new ModelPrice(v.modelId().value(), v.previousPricing() == null ? "added" : "changed", pricing(v.pricing()),
                v.previousPricing() == null ? null : pricing(v.previousPricing()), v.at());
    }

    private static ModelQueryController.Pricing pricing(ModelPricing p) {
        return new ModelQueryController.Pricing(p.inputPerMillion().toDecimal(), p.outputPerMillion().toDecimal(),
                p.cacheReadPerMillion() == null ? null : p.cacheReadPerMillion().toDecimal(), p.currency());
    }

    /** {@code change}: {@code added} (the first price, no {@code previous_pricing}) or {@code changed}. */
    public record ModelPrice(String modelId, String change, ModelQueryController.Pricing pricing,
                        ModelQueryController.Pricing previousPricing, Instant changedAt) {
    }

    public record PricePage(List<ModelPrice> items, int page, int limit, long total) {
    }
}
