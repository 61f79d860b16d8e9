package ai.massrouter.app.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The {@code idempotency_record} table; every statement commits on its own. */
@Component
public class IdempotencyStore {

    private final JdbcTemplate jdbc;

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this request is the first with the key (it is then in progress until completed or abandoned). */
    boolean begin(String scope, String key, String requestHash) {
        return jdbc.update("INSERT INTO idempotency_record (scope, idem_key, request_hash) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", scope, key, requestHash) == 1;
    }

    Optional<Stored> find(String scope, String key) {
        return jdbc.query("SELECT request_hash, status, content_type, response_body FROM idempotency_record "
                        + "WHERE scope = ? AND idem_key = ?",
                (rs, i) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)),
                scope, key).stream().findFirst();
    }

    void complete(String scope, String key, int status, String contentType, byte[] body) {
        jdbc.update("UPDATE idempotency_record SET status = ?, content_type = ?, response_body = ? "
                + "WHERE scope = ? AND idem_key = ?", status, contentType, body, scope, key);
    }

    /** A server error is not remembered: the client may try again with the same key. */
    void abandon(String scope, String key) {
        jdbc.update("DELETE FROM idempotency_record WHERE scope = ? AND idem_key = ?", scope, key);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void expire() {
        jdbc.update("DELETE FROM idempotency_record WHERE created_at < now() - interval '24 hours'");
    }

    record Stored(String requestHash, Integer status, String contentType, byte[] body) {
        boolean completed() {
            return status != null;
        }
    }
}
