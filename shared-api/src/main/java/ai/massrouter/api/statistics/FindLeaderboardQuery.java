package ai.massrouter.api.statistics;

import java.time.LocalDate;

/** Models ranked in the calendar period that holds {@code day}; {@code category} optional. */
public record FindLeaderboardQuery(StatsPeriod period, LocalDate day, String category, LeaderboardMetric metric,
                                   int limit) {
}
