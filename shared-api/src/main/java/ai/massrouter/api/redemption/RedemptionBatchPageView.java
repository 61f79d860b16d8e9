package ai.massrouter.api.redemption;

import java.util.List;

public record RedemptionBatchPageView(List<RedemptionBatchView> items, int page, int limit, long total) {
}
