package ai.massrouter.app.security;

import ai.massrouter.api.common.ErrorCode;
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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

/**
 * Stateless security: no sessions, no CSRF (no cookies are used), no login pages. Who the caller
 * is comes from the bearer filter; what they may do is decided by the endpoint through
 * {@link ai.massrouter.api.auth.Caller}, so an unknown route is a 404 for everyone.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(RateLimitProperties.class)
public class SecurityConfig implements WebMvcConfigurer {

    static final String PROMETHEUS_PATH = "/actuator/prometheus";

    private final CallerArgumentResolver callerArgumentResolver;

    public SecurityConfig(CallerArgumentResolver callerArgumentResolver) {
        this.callerArgumentResolver = callerArgumentResolver;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, BearerAuthenticationFilter bearer,
                                            RateLimitFilter rateLimit, IdempotencyFilter idempotency,
                                            ErrorResponder responder) throws Exception {
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
                        .anyRequest().permitAll())
                .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                .addFilterAfter(rateLimit, BearerAuthenticationFilter.class)
                .addFilterAfter(idempotency, RateLimitFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> responder.write(res, ErrorCode.ERR_002, null, Map.of()))
                        .accessDeniedHandler((req, res, ex) -> responder.write(res, ErrorCode.ERR_003, null, Map.of())))
                .build();
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
