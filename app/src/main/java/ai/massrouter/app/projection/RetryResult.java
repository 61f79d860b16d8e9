package ai.massrouter.app.projection;

/** The outcome of retrying a projection's dead letters, and what is still parked after it. */
public record RetryResult(String projection, int retried, int failedAgain, long sequencesLeft, long lettersLeft) {
}
