package ai.massrouter.api.statistics;

import ai.massrouter.api.common.Money;

import java.util.List;

public record DashboardView(long totalUsers, long openHolds, Money openHoldAmount, List<DashboardWindow> windows) {
}
