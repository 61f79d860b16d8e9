package ai.massrouter.app.caller;

import ai.massrouter.api.auth.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/**
 * A request authenticated by a JWT or an API key; the principal is the {@link Caller}. A login
 * session (JWT) holds {@link #SESSION} and its user's role ({@code ROLE_ADMIN}, ...); an API key
 * holds {@link #API_KEY} only, so no role-guarded route or key management is open to a key.
 */
public class CallerAuthentication extends AbstractAuthenticationToken {

    public static final String SESSION = "SESSION";
    public static final String API_KEY = "API_KEY";

    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(caller.viaApiKey() ? List.of(new SimpleGrantedAuthority(API_KEY))
                : List.of(new SimpleGrantedAuthority(SESSION), new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }
}
