package ai.massrouter.api.user;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A session ended; {@code reason} is e.g. {@code refresh_token_reuse}. */
@Revision("1")
public record UserSessionRevokedEvent(UserId userId, SessionId sessionId, String reason, Instant at) {
}
