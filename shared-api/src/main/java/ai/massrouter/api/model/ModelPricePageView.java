package ai.massrouter.api.model;

import java.util.List;

public record ModelPricePageView(List<ModelPriceView> items, int page, int limit, long total) {
}
