package ai.massrouter.api.user;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record UserSessionRefreshedEvent(UserId userId, SessionId sessionId, RefreshTokenId refreshTokenId, Instant at) {
}
