package ai.massrouter.app.axon;

import ai.massrouter.api.user.RefreshTokenId;
import ai.massrouter.api.user.SessionId;
import ai.massrouter.api.user.UserId;
import ai.massrouter.api.user.UserLoggedInEvent;
import ai.massrouter.api.user.UserSessionRefreshedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static ai.massrouter.app.axon.TypedIdsEventJsonTest.assertStoredAs;

/**
 * A session's refresh tokens are named by a {@link RefreshTokenId}, not a String. The stored events
 * must not see it: each is written to exactly the JSON of its String version (the token id a bare
 * UUID string), and that JSON reads back into the typed event.
 */
class RefreshTokenIdEventJsonTest {

    private static final UserId USER = UserId.of("usr_1");
    private static final SessionId SESSION = SessionId.of("5f0c6d1e-8a4b-4f3e-9c1d-2b7a6e5d4c3b");
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String WHO = "\"userId\":\"usr_1\",\"sessionId\":\"5f0c6d1e-8a4b-4f3e-9c1d-2b7a6e5d4c3b\"";

    @Test
    void loggedIn_namesItsFirstRefreshTokenByTheBareString() {
        RefreshTokenId token = RefreshTokenId.of("0b9e3c7a-1d2f-4e5a-8b6c-7d8e9f0a1b2c");

        assertStoredAs(new UserLoggedInEvent(USER, SESSION, token, AT), "1", "{" + WHO
                + ",\"refreshTokenId\":\"0b9e3c7a-1d2f-4e5a-8b6c-7d8e9f0a1b2c\",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void sessionRefreshed_namesItsNewRefreshTokenByTheBareString() {
        RefreshTokenId token = RefreshTokenId.of("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f");

        assertStoredAs(new UserSessionRefreshedEvent(USER, SESSION, token, AT), "1", "{" + WHO
                + ",\"refreshTokenId\":\"c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f\",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void aGeneratedTokenId_isWrittenAsItsBareString() {
        RefreshTokenId token = RefreshTokenId.generate();

        assertStoredAs(new UserSessionRefreshedEvent(USER, SESSION, token, AT), "1", "{" + WHO
                + ",\"refreshTokenId\":\"" + token.value() + "\",\"at\":\"2026-12-01T10:00:00Z\"}");
    }
}
