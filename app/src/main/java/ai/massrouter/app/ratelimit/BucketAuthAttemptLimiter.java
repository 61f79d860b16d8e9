package ai.massrouter.app.ratelimit;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.command.identity.AuthAttemptLimiter;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;

/** Per e-mail; the per-address budget of the auth endpoints is taken by {@link RateLimitFilter}. */
@Component
public class BucketAuthAttemptLimiter implements AuthAttemptLimiter {

    private final RateLimiter limiter;
    private final RateLimitProperties properties;

    public BucketAuthAttemptLimiter(RateLimiter limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public void check(String email) {
        if (!properties.enabled()) {
            return;
        }
        if (email != null && !email.isBlank()) {
            ensure(limiter.tryConsume("auth-email:" + email.trim().toLowerCase(Locale.ROOT),
                    properties.authPerEmailPerHour()), "this e-mail");
        }
    }

    private static void ensure(RateLimiter.Decision decision, String subject) {
        if (!decision.allowed()) {
            throw new DomainException(ErrorCode.RATE_001, "Too many login or registration attempts for " + subject
                    + "; retry in " + decision.retryAfterSeconds() + " s",
                    Map.of("retry_after_seconds", Long.toString(decision.retryAfterSeconds())));
        }
    }
}
