package ai.massrouter.projections.live;

import ai.massrouter.api.live.LiveUpdate;
import ai.massrouter.projections.common.UnitOfWorkBatch;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a {@link LiveUpdate} with PostgreSQL's {@code NOTIFY} on the projection's own
 * connection, inside the transaction that wrote the read model: PostgreSQL delivers it to the
 * {@link LiveListener} of every node only when (and if) that transaction commits, so a push never
 * runs ahead of the read model and never reports a write that was rolled back. The updates of one
 * unit of work (a processor's batch) leave together when it prepares its commit: JSON arrays of
 * updates in their order, as few notifications as fit PostgreSQL's payload limit, in one
 * statement. During a replay nothing is published.
 */
@Component
public class LiveNotices {

    static final String CHANNEL = "massrouter_live";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** PostgreSQL refuses payloads of 8000 bytes and more; ours are a few hundred. */
    static final int MAX_PAYLOAD = 7900;

    private final JdbcTemplate jdbc;

    public LiveNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void publish(LiveUpdate update, ReplayStatus status) {
        if (status.isReplay()) {
            return;
        }
        String payload = payload(update);
        UnitOfWorkBatch.add(LiveNotices.class.getName(), ArrayList<String>::new, this::send,
                pending -> pending.add(payload));
    }

    /**
     * Sends at once, in the current transaction (NOTIFY is delivered at its commit): for work done
     * at the end of a batch, after the batch's own notices may have been sent.
     */
    public void publishNow(LiveUpdate update) {
        send(List.of(payload(update)));
    }

    private static String payload(LiveUpdate update) {
        String payload;
        try {
            payload = JSON.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (payload.length() + 2 > MAX_PAYLOAD) {
            throw new IllegalStateException("Live update too large for NOTIFY: " + payload.length() + " chars");
        }
        return payload;
    }

    private void send(List<String> payloads) {
        List<String> notices = new ArrayList<>();
        StringBuilder notice = new StringBuilder();
        for (String payload : payloads) {
            if (notice.length() > 0 && notice.length() + payload.length() + 2 > MAX_PAYLOAD) {
                notices.add(notice.append(']').toString());
                notice.setLength(0);
            }
            notice.append(notice.length() == 0 ? '[' : ',').append(payload);
        }
        notices.add(notice.append(']').toString());
        jdbc.query("SELECT pg_notify(?, n) FROM unnest(?::text[]) AS t (n)", rs -> {
        }, CHANNEL, notices.toArray(String[]::new));
    }
}
