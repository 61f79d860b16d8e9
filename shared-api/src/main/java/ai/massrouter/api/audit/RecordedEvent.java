package ai.massrouter.api.audit;

import java.time.Instant;

/** One event of the log: its type and revision, place in the stream, time and JSON payload. */
public record RecordedEvent(String eventId, long sequence, String type, String revision, Instant timestamp,
                            String payloadJson) {
}
