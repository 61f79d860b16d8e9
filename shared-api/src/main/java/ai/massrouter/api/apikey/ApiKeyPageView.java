package ai.massrouter.api.apikey;

import java.util.List;

public record ApiKeyPageView(List<ApiKeyView> items, int page, int limit, long total) {
}
