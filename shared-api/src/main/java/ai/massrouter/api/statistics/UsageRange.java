package ai.massrouter.api.statistics;

import java.time.LocalDate;

/** Calendar days {@code startDate}..{@code endDate} (both included, statistics time zone), in buckets. */
public record UsageRange(LocalDate startDate, LocalDate endDate, Granularity granularity) {
}
