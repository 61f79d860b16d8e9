package ai.massrouter.app.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;

/** UP only when the event store and the read models answer; reports the head of the log. */
@Component("eventStoreAndReadModels")
public class StoreHealthIndicator implements HealthIndicator {

    private final JdbcTemplate jdbc;

    public StoreHealthIndicator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        try {
            Long head = jdbc.queryForObject("SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry", Long.class);
            Long processors = jdbc.queryForObject("SELECT count(DISTINCT processorname) FROM tokenentry", Long.class);
            jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM users_view LIMIT 1) t", Long.class);
            return Health.up().withDetails(Map.of("event_log_head", head, "processors", processors)).build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
