package ai.massrouter.gateway.provider;

/** One server-sent event: its {@code event:} name (null when unnamed) and its joined {@code data:} lines. */
public record SseEvent(String event, String data) {
}
