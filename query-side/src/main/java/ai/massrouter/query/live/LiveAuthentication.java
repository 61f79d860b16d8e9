package ai.massrouter.query.live;

import ai.massrouter.api.auth.Caller;

/**
 * Turns the token a WebSocket client presents (a JWT or an API key) into a {@link Caller}, or
 * throws a {@link ai.massrouter.api.common.DomainException} saying why not. The application
 * provides it from its identity code, the same that authenticates HTTP requests.
 */
public interface LiveAuthentication {

    Caller authenticate(String token);
}
