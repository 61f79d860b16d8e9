package ai.massrouter.api.apikey;

import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ApiKeyRevokedEvent(ApiKeyId keyId, UserId userId, UserId revokedBy, Instant at) {
}
