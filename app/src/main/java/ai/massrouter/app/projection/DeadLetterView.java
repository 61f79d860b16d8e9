package ai.massrouter.app.projection;

/** One parked event: which it is, why its handler failed, since when. */
public record DeadLetterView(String eventId, String eventType, String aggregateId, Long sequenceNumber,
                             String eventTime, String causeType, String causeMessage, String enqueuedAt,
                             String lastTouched) {
}
