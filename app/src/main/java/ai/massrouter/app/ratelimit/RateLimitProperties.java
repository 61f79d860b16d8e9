package ai.massrouter.app.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Requests per hour (env {@code MASSROUTER_RATE_LIMIT_*}). An API key's own
 * {@code rate_limit_per_hour} replaces {@code authenticatedPerHour} for calls made with it.
 */
@ConfigurationProperties("massrouter.rate-limit")
public record RateLimitProperties(boolean enabled, long authenticatedPerHour, long anonymousPerHour,
                                  long authPerIpPerHour, long authPerEmailPerHour) {
}
