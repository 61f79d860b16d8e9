package ai.massrouter.api.statistics;

/** {@code rankChange}: previous rank minus this rank (positive moved up), null for a model new to the board. */
public record LeaderboardEntry(int rank, String modelId, String name, String provider, String category,
                               UsageTotals usage, long users, Integer rankChange) {
}
