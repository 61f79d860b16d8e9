package ai.massrouter.projections.live;

import ai.massrouter.api.live.LiveAudience;
import ai.massrouter.api.live.LiveTopics;
import ai.massrouter.api.live.LiveUpdate;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code payment.webhook_refused} for administrators: at least {@code massrouter.alerts.webhook-refusals}
 * payment notifications of one provider refused within {@code massrouter.alerts.webhook-window}
 * (forged or misdirected notifications, or a webhook secret gone stale). The webhook endpoints record
 * each refusal in {@code payment_webhook_rejection} (a refusal moves no money, so it is no event);
 * this reads that table. Once per episode ({@link AlertEpisodes}): a flood of forgeries is one push,
 * and the next push comes after a window without refusals.
 */
@Component
public class WebhookRefusalAlerts {

    static final String KEY = "payment.webhook_refused:";

    private final JdbcTemplate jdbc;
    private final AlertEpisodes episodes;
    private final long threshold;
    private final Duration window;

    public WebhookRefusalAlerts(JdbcTemplate jdbc, AlertEpisodes episodes,
                                @Value("${massrouter.alerts.webhook-refusals:1}") long threshold,
                                @Value("${massrouter.alerts.webhook-window:PT5M}") Duration window) {
        this.jdbc = jdbc;
        this.episodes = episodes;
        this.threshold = threshold;
        this.window = window;
    }

    @Scheduled(fixedDelayString = "${massrouter.alerts.check-interval:PT5S}",
            initialDelayString = "${massrouter.alerts.check-interval:PT5S}")
    public void check() {
        try {
            measure();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(WebhookRefusalAlerts.class).debug("Webhook refusal check skipped: {}", e.toString());
        }
    }

    private void measure() {
        Set<String> measured = new HashSet<>();
        jdbc.query("""
                SELECT provider, count(*) AS refused, (array_agg(reason ORDER BY id DESC))[1] AS last_reason,
                    max(received_at) AS last_at
                FROM payment_webhook_rejection WHERE received_at > now() - make_interval(secs => ?)
                GROUP BY provider""", rs -> {
            String provider = rs.getString("provider");
            long refused = rs.getLong("refused");
            String reason = rs.getString("last_reason");
            Instant lastAt = rs.getTimestamp("last_at").toInstant();
            measured.add(provider);
            episodes.measured(KEY + provider, refused, threshold, eventId -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("provider", provider);
                data.put("refused", refused);
                data.put("window_seconds", window.toSeconds());
                data.put("last_reason", reason.length() > 300 ? reason.substring(0, 300) : reason);
                return new LiveUpdate(LiveTopics.ALERTS, "payment.webhook_refused", eventId, lastAt,
                        LiveAudience.ADMINS, null, null, data);
            });
        }, window.toMillis() / 1000.0);
        for (String key : episodes.on(KEY)) {
            if (!measured.contains(key.substring(KEY.length()))) {
                episodes.ended(key);
            }
        }
    }
}
