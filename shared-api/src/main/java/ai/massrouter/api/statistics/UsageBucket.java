package ai.massrouter.api.statistics;

import java.time.Instant;

public record UsageBucket(Instant start, UsageTotals usage) {
}
