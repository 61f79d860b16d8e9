package ai.massrouter.app.ratelimit;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.app.caller.CallerAuthentication;
import ai.massrouter.app.web.ErrorResponder;
import ai.massrouter.app.web.OpenAiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * One budget per API key (its own limit, or the authenticated default), per user for JWT
 * callers, per client address for anonymous ones; login, registration and refresh draw from a
 * per-address budget of their own (and, per e-mail, from {@link BucketAuthAttemptLimiter}); payment
 * provider notifications are not limited. Every response says where it stands in
 * {@code X-RateLimit-*}; an exhausted budget answers 429 {@code RATE_001} with {@code Retry-After}.
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

    private static final String AUTH_PATH = "/api/v1/auth/";
    /**
     * Payment providers call from a few addresses and retry on any error: throttling them would
     * delay credits for everyone. Their notifications are authenticated by signature instead.
     */
    public static final String WEBHOOK_PATH = "/api/v1/billing/webhooks/";

    private final RateLimiter limiter;
    private final RateLimitProperties properties;
    private final ErrorResponder responder;

    public RateLimitFilter(RateLimiter limiter, RateLimitProperties properties, ErrorResponder responder) {
        this.limiter = limiter;
        this.properties = properties;
        this.responder = responder;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !properties.enabled() || !(path.startsWith("/api/") || path.startsWith("/v1/"))
                || path.startsWith(WEBHOOK_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Decision decision = decide(request);
        response.setHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("X-RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        String message = "Rate limit of " + decision.limit() + " requests per hour exceeded; retry in "
                + decision.retryAfterSeconds() + " s";
        if (request.getRequestURI().startsWith("/v1/")) {
            responder.writeOpenAiError(response, 429, message, OpenAiErrors.type(ErrorCode.RATE_001),
                    ErrorCode.RATE_001.name());
        } else {
            responder.write(response, ErrorCode.RATE_001, message,
                    Map.of("retry_after_seconds", Long.toString(decision.retryAfterSeconds())));
        }
    }

    private RateLimiter.Decision decide(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication auth) {
            Caller caller = auth.getPrincipal();
            if (caller.viaApiKey()) {
                long perHour = caller.keyRateLimitPerHour() != null ? caller.keyRateLimitPerHour()
                        : properties.authenticatedPerHour();
                return limiter.tryConsume("key:" + caller.apiKeyId(), perHour);
            }
            return limiter.tryConsume("user:" + caller.userId().value(), properties.authenticatedPerHour());
        }
        if (request.getRequestURI().startsWith(AUTH_PATH)) {
            return limiter.tryConsume("auth-ip:" + request.getRemoteAddr(), properties.authPerIpPerHour());
        }
        return limiter.tryConsume("ip:" + request.getRemoteAddr(), properties.anonymousPerHour());
    }
}
