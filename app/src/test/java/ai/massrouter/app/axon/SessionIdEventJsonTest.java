package ai.massrouter.app.axon;

import ai.massrouter.api.user.RefreshTokenId;
import ai.massrouter.api.user.SessionId;
import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserLoggedInEvent;
import ai.massrouter.api.user.UserSessionRefreshedEvent;
import ai.massrouter.api.user.UserSessionRevokedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static ai.massrouter.app.axon.TypedIdsEventJsonTest.assertStoredAs;

/**
 * Login sessions are named by a {@link SessionId}, not a String. The stored events must not see it:
 * each is written to exactly the JSON of its String version, and that JSON reads back into the
 * typed event.
 */
class SessionIdEventJsonTest {

    private static final UserId USER = UserId.of("usr_1");
    private static final SessionId SESSION = SessionId.of("5f0c6d1e-8a4b-4f3e-9c1d-2b7a6e5d4c3b");
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String WHO = "\"userId\":\"usr_1\",\"sessionId\":\"5f0c6d1e-8a4b-4f3e-9c1d-2b7a6e5d4c3b\"";

    @Test
    void loggedIn_namesItsSessionByTheBareString() {
        assertStoredAs(new UserLoggedInEvent(USER, SESSION, RefreshTokenId.of("r1"), AT), "1",
                "{" + WHO + ",\"refreshTokenId\":\"r1\",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void sessionRefreshed_namesItsSessionByTheBareString() {
        assertStoredAs(new UserSessionRefreshedEvent(USER, SESSION, RefreshTokenId.of("r2"), AT), "1",
                "{" + WHO + ",\"refreshTokenId\":\"r2\",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void sessionRevoked_namesItsSessionByTheBareString() {
        assertStoredAs(new UserSessionRevokedEvent(USER, SESSION, "refresh_token_reuse", AT), "1",
                "{" + WHO + ",\"reason\":\"refresh_token_reuse\",\"at\":\"2026-12-01T10:00:00Z\"}");
    }
}
