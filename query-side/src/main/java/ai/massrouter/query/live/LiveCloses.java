package ai.massrouter.query.live;

import org.springframework.web.socket.CloseStatus;

import java.nio.charset.StandardCharsets;

/** The close codes of {@code /ws} (docs/websocket.md); each close also carries a reason. */
final class LiveCloses {

    /** The token was refused (invalid, expired, user not active). */
    static final CloseStatus UNAUTHORIZED = new CloseStatus(4401);
    /** The user was suspended or the key the connection used was revoked or expired. */
    static final CloseStatus ACCESS_ENDED = new CloseStatus(4403);
    /** No valid authentication within the allowed time. */
    static final CloseStatus AUTH_TIMEOUT = new CloseStatus(4408);
    /** The client did not read its messages fast enough. */
    static final CloseStatus SLOW_CONSUMER = new CloseStatus(4429);
    /** The node stopped delivering live updates (its subscription failed or it shuts down). */
    static final CloseStatus UNAVAILABLE = new CloseStatus(1011);

    private LiveCloses() {
    }

    /** A close reason is at most 123 bytes of UTF-8. */
    static String fit(String reason) {
        String r = reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > 123) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
