package ai.massrouter.api.apikey;

import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ApiKeyExpiredEvent(ApiKeyId keyId, UserId userId, Instant expiresAt, Instant at) {
}
