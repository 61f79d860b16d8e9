package ai.massrouter.projections.live;

import ai.massrouter.api.live.LiveAudience;
import ai.massrouter.api.live.LiveTopics;
import ai.massrouter.api.live.LiveUpdate;
import ai.massrouter.projections.generation.GenerationProjection;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code provider.failing} for administrators: a provider whose upstream calls failed at a rate of
 * at least {@code massrouter.alerts.provider-failure-rate} over the last
 * {@code massrouter.alerts.provider-window}, with at least {@code provider-min-calls} calls in it.
 * Read from the gateway's call records ({@code generations_view}): every route that failed before
 * another answered is in a call's {@code fallbacks} as {@code "provider: why"}, and an answer cut off
 * by its upstream is {@code INTERRUPTED}; a request the upstream refused as malformed is the
 * caller's fault and is not counted. Once per episode ({@link AlertEpisodes}).
 */
@Component
public class ProviderFailureAlerts {

    static final String KEY = "provider.failing:";

    private final JdbcTemplate jdbc;
    private final AlertEpisodes episodes;
    private final double threshold;
    private final long minCalls;
    private final Duration window;

    public ProviderFailureAlerts(JdbcTemplate jdbc, AlertEpisodes episodes,
                                 @Value("${massrouter.alerts.provider-failure-rate:0.5}") double threshold,
                                 @Value("${massrouter.alerts.provider-min-calls:5}") long minCalls,
                                 @Value("${massrouter.alerts.provider-window:PT1M}") Duration window) {
        this.jdbc = jdbc;
        this.episodes = episodes;
        this.threshold = threshold;
        this.minCalls = minCalls;
        this.window = window;
    }

    @Scheduled(fixedDelayString = "${massrouter.alerts.check-interval:PT5S}",
            initialDelayString = "${massrouter.alerts.check-interval:PT5S}")
    public void check() {
        try {
            if (!episodes.replaying(GenerationProjection.GROUP)) {
                measure();
            }
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ProviderFailureAlerts.class).debug("Provider failure check skipped: {}", e.toString());
        }
    }

    private void measure() {
        Set<String> measured = new HashSet<>();
        jdbc.query("""
                WITH recent AS (SELECT provider, outcome, fallbacks FROM generations_view
                                WHERE finished_at > now() - make_interval(secs => ?))
                SELECT provider, count(*) AS calls, count(*) FILTER (WHERE failed) AS failures FROM (
                    SELECT provider, outcome = 'INTERRUPTED' AS failed FROM recent WHERE provider IS NOT NULL
                    UNION ALL
                    SELECT split_part(f, ':', 1), true FROM recent, jsonb_array_elements_text(fallbacks::jsonb) AS f
                ) attempts GROUP BY provider""", rs -> {
            String provider = rs.getString("provider");
            long calls = rs.getLong("calls");
            long failures = rs.getLong("failures");
            measured.add(provider);
            double rate = calls < minCalls ? 0 : (double) failures / calls;
            episodes.measured(KEY + provider, rate, threshold, eventId -> alert(eventId, provider, calls, failures));
        }, window.toMillis() / 1000.0);
        for (String key : episodes.on(KEY)) {
            if (!measured.contains(key.substring(KEY.length()))) {
                episodes.ended(key);
            }
        }
    }

    private LiveUpdate alert(String eventId, String provider, long calls, long failures) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("provider", provider);
        data.put("calls", calls);
        data.put("failures", failures);
        data.put("failure_rate", BigDecimal.valueOf(failures).divide(BigDecimal.valueOf(calls), 2, RoundingMode.HALF_UP));
        data.put("threshold", BigDecimal.valueOf(threshold));
        data.put("window_seconds", window.toSeconds());
        return new LiveUpdate(LiveTopics.ALERTS, "provider.failing", eventId, Instant.now(), LiveAudience.ADMINS, null,
                null, data);
    }
}
