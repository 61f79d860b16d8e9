package ai.massrouter.api.statistics;

public record ProviderUsage(String provider, UsageTotals usage, Latency latency) {
}
