package ai.massrouter.api.statistics;

import java.time.LocalDate;

/** The admin dashboard with windows ending on {@code today} (statistics time zone). */
public record FindDashboardQuery(LocalDate today) {
}
