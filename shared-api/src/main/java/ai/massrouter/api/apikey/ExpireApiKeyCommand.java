package ai.massrouter.api.apikey;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Records that a key passed its expiry (sent when an expired key is first presented). */
public record ExpireApiKeyCommand(@TargetAggregateIdentifier ApiKeyId keyId, Instant at) {
}
