package ai.massrouter.app.security;

import ai.massrouter.app.caller.CallerAuthentication;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.app.web.BodyLimits;
import ai.massrouter.app.idempotency.IdempotencyFilter;
import ai.massrouter.app.ratelimit.RateLimitFilter;
import ai.massrouter.app.ratelimit.RateLimitProperties;
import ai.massrouter.app.web.ErrorResponder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

/**
 * Stateless security: no sessions, no CSRF (no cookie authenticates anyone: the one cookie, set
 * by a provider sign-in, only binds its state to the browser), no login pages. Who the caller
 * is comes from the bearer filter. Two route families are guarded here, in the chain, whatever
 * their controllers do: {@code /api/v1/admin/**} needs an administrator's login session, and
 * {@code /api/v1/users/me/api-keys/**} a user's login session (never an API key). Everything
 * else is decided by the endpoint through {@link ai.massrouter.api.auth.Caller}, so an unknown
 * route elsewhere is a 404 for everyone. Refusals leave in the envelope: anonymous {@code ERR_002}
 * (or the reason the token was refused), authenticated but not allowed {@code ERR_003}.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties({RateLimitProperties.class, BodyLimits.class, CorsProperties.class})
public class SecurityConfig implements WebMvcConfigurer {

    static final String PROMETHEUS_PATH = "/actuator/prometheus";
    static final String[] ADMIN_ROUTES = {"/api/v1/admin", "/api/v1/admin/**"};
    static final String[] KEY_MANAGEMENT_ROUTES = {"/api/v1/users/me/api-keys", "/api/v1/users/me/api-keys/**"};

    private final CallerArgumentResolver callerArgumentResolver;

    public SecurityConfig(CallerArgumentResolver callerArgumentResolver) {
        this.callerArgumentResolver = callerArgumentResolver;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, BearerAuthenticationFilter bearer,
                                            RateLimitFilter rateLimit, IdempotencyFilter idempotency,
                                            ErrorResponder responder, CorsProperties cors) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        // metrics name models, providers and money flows: administrators only (README, Metrics)
                        .requestMatchers(PROMETHEUS_PATH).hasRole("ADMIN")
                        .requestMatchers(ADMIN_ROUTES).hasRole("ADMIN")
                        .requestMatchers(KEY_MANAGEMENT_ROUTES).hasAuthority(CallerAuthentication.SESSION)
                        .anyRequest().permitAll())
                .cors(AbstractHttpConfigurer::disable)
                .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                .addFilterBefore(corsFilter(cors, responder), BearerAuthenticationFilter.class)
                .addFilterAfter(rateLimit, BearerAuthenticationFilter.class)
                .addFilterAfter(idempotency, RateLimitFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            // a token was sent but refused: say why (expired key, suspended user, ...)
                            if (req.getAttribute(BearerAuthenticationFilter.AUTH_FAILURE) instanceof DomainException refused) {
                                responder.write(req, res, refused.code(), refused.getMessage(), refused.details());
                            } else {
                                responder.write(req, res, ErrorCode.ERR_002,
                                        "Authentication required: send Authorization: Bearer <token>", Map.of());
                            }
                        })
                        .accessDeniedHandler((req, res, ex) -> responder.write(req, res, ErrorCode.ERR_003,
                                refusal(SecurityContextHolder.getContext().getAuthentication()), Map.of())))
                .build();
    }

    private static String refusal(Authentication authentication) {
        return authentication instanceof CallerAuthentication auth && auth.getPrincipal().viaApiKey()
                ? "This route needs a login session (JWT), not an API key"
                : "Administrator role required";
    }

    private static CorsFilter corsFilter(CorsProperties properties, ErrorResponder responder) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key"));
        config.setExposedHeaders(List.of("X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining",
                "X-RateLimit-Reset", HttpHeaders.RETRY_AFTER, "Idempotent-Replayed"));
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new EnvelopeCorsProcessor(responder));
        return filter;
    }

    /** A request Spring's firewall refuses (e.g. {@code ;} or {@code //} in the path) is a 400 in the envelope. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ErrorResponder responder) {
        return (request, response, rejected) -> responder.write(request, response, ErrorCode.ERR_001,
                "Malformed request: the path or a header holds characters that are not allowed",
                Map.of("request", "the path or a header is not allowed"));
    }

    /** Our filters run inside the security chain only, not a second time as plain servlet filters. */
    @Bean
    FilterRegistrationBean<BearerAuthenticationFilter> bearerFilterRegistration(BearerAuthenticationFilter filter) {
        return chainOnly(filter);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        return chainOnly(filter);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
        return chainOnly(filter);
    }

    private static <F extends Filter> FilterRegistrationBean<F> chainOnly(F filter) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callerArgumentResolver);
    }
}
