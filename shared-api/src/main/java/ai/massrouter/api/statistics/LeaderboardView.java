package ai.massrouter.api.statistics;

import java.time.Instant;
import java.util.List;

/** {@code start} included, {@code end} excluded. */
public record LeaderboardView(StatsPeriod period, LeaderboardMetric metric, String category, Instant start,
                              Instant end, List<LeaderboardEntry> items) {
}
