package ai.massrouter.api.audit;

import java.util.List;

/** A page of an account's stream; {@code nextSequence} is where the next page starts, null at the end. */
public record AccountEventsView(String accountId, List<RecordedEvent> events, Long nextSequence) {
}
