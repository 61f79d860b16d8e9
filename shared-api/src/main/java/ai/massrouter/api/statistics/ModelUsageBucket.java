package ai.massrouter.api.statistics;

import java.time.Instant;
import java.util.List;

public record ModelUsageBucket(Instant start, UsageTotals usage, long errors, List<ProviderUsage> providers) {
}
