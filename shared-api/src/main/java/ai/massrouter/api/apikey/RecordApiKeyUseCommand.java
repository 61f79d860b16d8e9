package ai.massrouter.api.apikey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Notes that a key was used; recorded at most once a minute per key, so the log is not flooded. */
public record RecordApiKeyUseCommand(@TargetAggregateIdentifier ApiKeyId keyId, Instant at) {
}
