package ai.massrouter.command.payment;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Every refused notification (bad or missing signature, foreign app, unknown order) is written to
 * {@code payment_webhook_rejection}: someone forging notifications, or a secret gone stale, shows
 * up there. The body is kept as a hash and a short excerpt, never whole (it may carry personal data).
 */
@Component
class WebhookRejections {

    private static final Logger log = LoggerFactory.getLogger(WebhookRejections.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    WebhookRejections(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String provider, String reason, String body, HttpServletRequest request) {
        log.warn("Refused a {} notification from {}: {}", provider, request.getRemoteAddr(), reason);
        String text = body == null ? "" : body;
        jdbc.update("""
                INSERT INTO payment_webhook_rejection (provider, reason, remote_address, body_sha256, body_excerpt,
                    received_at) VALUES (?, ?, ?, ?, ?, ?)""", provider, cut(reason, 1000), request.getRemoteAddr(),
                sha256(text), cut(text, 500), Timestamp.from(clock.instant()));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
