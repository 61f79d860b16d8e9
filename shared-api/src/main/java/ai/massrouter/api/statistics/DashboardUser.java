package ai.massrouter.api.statistics;

public record DashboardUser(String userId, String email, UsageTotals usage) {
}
