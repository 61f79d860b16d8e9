package ai.massrouter.command.account;

import java.time.Instant;

/** Money reserved for one call in flight, in nanos, and the key it was reserved for. */
record Hold(long amount, String apiKeyId, Instant placedAt) {
}
