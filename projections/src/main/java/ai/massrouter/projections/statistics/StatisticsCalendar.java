package ai.massrouter.projections.statistics;

import ai.massrouter.api.common.BillingSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The time zone of every statistics bucket (hours, days, weeks from Monday, months, years). The
 * read model stores local times, so changing the zone takes a replay of the statistics projection.
 */
@Component
public class StatisticsCalendar {

    private final ZoneId zone;
    private final String currency;

    public StatisticsCalendar(@Value("${massrouter.statistics.time-zone:Asia/Shanghai}") String zone,
                              BillingSettings billing) {
        this.zone = ZoneId.of(zone);
        this.currency = billing.currency();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The platform currency: every amount of the statistics is in it. */
    public String currency() {
        return currency;
    }

    public LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, zone);
    }

    public Instant instant(LocalDateTime local) {
        return local.atZone(zone).toInstant();
    }

    public Instant instant(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
