package ai.massrouter.query.statistics;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.statistics.Granularity;
import ai.massrouter.api.statistics.UsageRange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Reads and checks the range of a statistics request: calendar days in the statistics time zone,
 * both included, at most {@value #MAX_BUCKETS} buckets. Defaults: the last 7 days by day, today by hour.
 */
@Component
public class UsageRanges {

    static final int MAX_BUCKETS = 1000;

    private final Clock clock;
    private final ZoneId zone;

    public UsageRanges(Clock clock, @Value("${massrouter.statistics.time-zone:Asia/Shanghai}") String zone) {
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public UsageRange range(String granularityParam, String startParam, String endParam) {
        Granularity granularity = Granularity.fromWire(granularityParam == null ? "day" : granularityParam)
                .orElseThrow(() -> DomainException.invalid("granularity", "must be hour or day"));
        LocalDate end = endParam == null ? today() : date("end_date", endParam);
        LocalDate start = startParam == null
                ? (granularity == Granularity.DAY ? end.minusDays(6) : end) : date("start_date", startParam);
        if (start.isAfter(end)) {
            throw DomainException.invalid("start_date", "must not be after end_date");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        long buckets = granularity == Granularity.DAY ? days : days * 24;
        if (buckets > MAX_BUCKETS) {
            throw new DomainException(ErrorCode.ERR_001, "The range holds " + buckets + " " + granularity.wireName()
                    + " buckets; at most " + MAX_BUCKETS + " per answer", Map.of("end_date", "at most " + MAX_BUCKETS
                    + " " + granularity.wireName() + " buckets from start_date (" + buckets + " asked)"));
        }
        return new UsageRange(start, end, granularity);
    }

    public LocalDate date(String field, String value) {
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 2000 || date.getYear() > 9999) {
                throw DomainException.invalid(field, "must be a date between 2000-01-01 and 9999-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a date as YYYY-MM-DD");
        }
    }
}
