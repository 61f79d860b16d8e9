package ai.massrouter.projections.statistics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statistics' idempotency: the last sequence applied per aggregate. An aggregate's events reach
 * the processor in order, so one at or below the remembered sequence was applied already.
 */
@Component
class AppliedEvents {

    private final JdbcTemplate jdbc;

    AppliedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True (and remembered) the first time; false for an event applied before. */
    boolean firstTime(String aggregateId, long sequence) {
        return jdbc.update("""
                INSERT INTO stat_applied (aggregate_id, last_sequence) VALUES (?, ?)
                ON CONFLICT (aggregate_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence
                WHERE stat_applied.last_sequence < EXCLUDED.last_sequence""", aggregateId, sequence) == 1;
    }
}
