package ai.massrouter.api.statistics;

public record FindModelUsageQuery(String modelId, UsageRange range) {
}
