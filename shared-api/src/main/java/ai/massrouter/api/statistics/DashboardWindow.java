package ai.massrouter.api.statistics;

import ai.massrouter.api.common.Money;

import java.time.Instant;
import java.util.List;

/**
 * One window of the dashboard ({@code today}, {@code 7d}, {@code 30d}: the calendar days up to
 * today). {@code activeUsers}: users with a charged call in it; {@code refunds}: payment refunds
 * and usage refunds together.
 */
public record DashboardWindow(String name, Instant start, long newUsers, long activeUsers, long topUps,
                              Money topUpAmount, long refunds, Money refundAmount, UsageTotals consumption,
                              long errors, List<UsageSlice> topModels, List<DashboardUser> topUsers) {
}
