package ai.massrouter.app.security;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.command.identity.Authenticator;
import ai.massrouter.query.live.LiveAuthentication;
import org.springframework.stereotype.Component;

/** A WebSocket connection's token is checked exactly as an HTTP request's bearer token. */
@Component
public class LiveTokenAuthentication implements LiveAuthentication {

    private final Authenticator authenticator;

    public LiveTokenAuthentication(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Caller authenticate(String token) {
        return authenticator.authenticate(token);
    }
}
