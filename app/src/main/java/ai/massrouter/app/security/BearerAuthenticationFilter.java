package ai.massrouter.app.security;

import ai.massrouter.app.caller.CallerAuthentication;
import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.command.identity.Authenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Reads {@code Authorization: Bearer ...} and, when it holds a valid access token or API key,
 * makes the {@link Caller} known. It refuses nothing itself: an endpoint that needs a caller asks for one
 * (see {@link CallerArgumentResolver}) and gets the precise reason a token was not accepted.
 */
@Component
public class BearerAuthenticationFilter extends OncePerRequestFilter {

    static final String AUTH_FAILURE = BearerAuthenticationFilter.class.getName() + ".failure";

    private final Authenticator authenticator;

    public BearerAuthenticationFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token != null) {
            try {
                Caller caller = authenticator.authenticate(token);
                SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller));
            } catch (DomainException e) {
                request.setAttribute(AUTH_FAILURE, e);
            }
        }
        chain.doFilter(request, response);
    }

    static String bearer(String header) {
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
