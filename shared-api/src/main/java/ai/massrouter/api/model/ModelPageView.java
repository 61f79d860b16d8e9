package ai.massrouter.api.model;

import java.util.List;

public record ModelPageView(List<ModelView> items, int page, int limit, long total) {
}
