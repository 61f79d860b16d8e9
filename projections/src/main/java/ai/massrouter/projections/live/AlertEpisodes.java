package ai.massrouter.projections.live;

import ai.massrouter.api.live.LiveUpdate;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Threshold alerts measured on a schedule (a provider's failure rate, a processor's lag, refused
 * webhooks), pushed once per episode: an episode starts when the measure reaches its threshold and
 * ends when it falls below half of it, so a measure that wavers around the threshold does not push
 * again and again. Every node measures; the episode's row ({@code live_alert_episode}) is inserted
 * in the transaction that sends the NOTIFY, so exactly one node pushes it.
 */
@Component
public class AlertEpisodes {

    private final JdbcTemplate jdbc;
    private final LiveNotices notices;
    private final TransactionTemplate transaction;

    public AlertEpisodes(JdbcTemplate jdbc, LiveNotices notices, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * One measurement of {@code key}: starts its episode and pushes the alert that {@code alert}
     * builds (given the event id) when the measure reaches the threshold and no episode is on; ends
     * the episode when the measure is below half the threshold. True when this call pushed.
     */
    public boolean measured(String key, double measure, double threshold, Function<String, LiveUpdate> alert) {
        if (measure >= threshold) {
            String eventId = "alert-" + UUID.randomUUID();
            return Boolean.TRUE.equals(transaction.execute(status -> {
                int started = jdbc.update("INSERT INTO live_alert_episode (alert_key, event_id, raised_at) "
                        + "VALUES (?, ?, now()) ON CONFLICT DO NOTHING", key, eventId);
                if (started == 1) {
                    notices.publish(alert.apply(eventId), ReplayStatus.REGULAR);
                }
                return started == 1;
            }));
        }
        if (measure < threshold / 2) {
            ended(key);
        }
        return false;
    }

    /** Ends an episode, for a measure that has no value any more (a provider nobody calls now). */
    public void ended(String key) {
        jdbc.update("DELETE FROM live_alert_episode WHERE alert_key = ?", key);
    }

    /** The keys of the episodes on now that start with {@code prefix}. */
    public List<String> on(String prefix) {
        return jdbc.queryForList("SELECT alert_key FROM live_alert_episode WHERE alert_key LIKE ?", String.class,
                prefix.replace("%", "\\%").replace("_", "\\_") + "%");
    }

    /** True while any segment of the processor replays (a reset token is in the token store): nothing is pushed then. */
    public boolean replaying(String processor) {
        Integer replaying = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ? "
                + "AND tokentype LIKE '%ReplayToken'", Integer.class, processor);
        return replaying != null && replaying > 0;
    }
}
