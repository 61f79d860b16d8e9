package ai.massrouter.api.statistics;

import java.time.Instant;
import java.util.List;

/** {@code errors}: gateway calls whose hold was released (no answer charged); {@code users}: distinct callers. */
public record ModelUsageView(String modelId, Granularity granularity, Instant start, Instant end, UsageTotals totals,
                             long errors, long users, List<ProviderUsage> providers, List<ModelUsageBucket> series) {
}
