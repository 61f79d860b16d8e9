package ai.massrouter.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/** Browser origins (e.g. a web console on another host) allowed to call the API; none by default. */
@ConfigurationProperties("massrouter.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    }
}
