package ai.massrouter.api.statistics;

import java.time.Instant;
import java.util.List;

public record UserUsageView(Granularity granularity, Instant start, Instant end, UsageTotals totals,
                            List<UsageBucket> series, List<UsageSlice> byModel, List<UsageSlice> byKey) {
}
