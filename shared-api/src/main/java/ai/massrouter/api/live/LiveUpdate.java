package ai.massrouter.api.live;

import ai.massrouter.api.user.UserId;

import java.time.Instant;
import java.util.Map;

/**
 * One change for WebSocket subscribers, published by a projection after its read model row was
 * committed. {@code eventId} and {@code at} are those of the event that caused it; {@code userId}
 * is the user it is about (null for platform-wide updates); {@code data} is its wire payload.
 */
public record LiveUpdate(String topic, String event, String eventId, Instant at, LiveAudience audience,
                         UserId userId, String apiKeyId, Map<String, Object> data) {
}
