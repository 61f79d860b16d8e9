package ai.massrouter.api.apikey;

import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Revokes a key; {@code requestedBy} must own it. Revoking a revoked key does nothing. */
public record RevokeApiKeyCommand(@TargetAggregateIdentifier ApiKeyId keyId, UserId requestedBy, Instant at) {
}
