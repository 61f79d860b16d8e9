package ai.massrouter.app.projection;

import java.util.List;

/** A projection's dead-letter queue: each sequence is one aggregate's parked events, in order. */
public record DeadLetters(String projection, long sequences, long letters, List<List<DeadLetterView>> items) {
}
