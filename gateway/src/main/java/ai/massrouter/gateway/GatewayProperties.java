package ai.massrouter.gateway;

import ai.massrouter.gateway.provider.ProviderProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * {@code massrouter.gateway.*}: how the OpenAI-compatible gateway holds money and reaches its
 * upstreams. {@code defaultMaxTokens} is the completion budget held for a call that names no
 * {@code max_tokens}; {@code requestTimeout} runs until an upstream starts answering,
 * {@code readTimeout} is the longest silence after that; {@code providers} are the upstreams the
 * catalog's routes may name; {@code busTimeout} bounds each command and query of a call;
 * {@code keepAliveAfter} is how long a non-streaming call waits before it starts probing its client
 * (see {@code ClientProbe}).
 */
@ConfigurationProperties("massrouter.gateway")
public record GatewayProperties(Integer defaultMaxTokens, Duration connectTimeout, Duration requestTimeout,
                                Duration readTimeout, Boolean mockEnabled, Map<String, ProviderProperties> providers,
                                Duration busTimeout, Duration keepAliveAfter) {

    public GatewayProperties {
        defaultMaxTokens = defaultMaxTokens == null ? 4096 : defaultMaxTokens;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(600) : requestTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(300) : readTimeout;
        mockEnabled = mockEnabled == null || mockEnabled;
        providers = providers == null ? Map.of() : Map.copyOf(providers);
        busTimeout = busTimeout == null ? Duration.ofSeconds(10) : busTimeout;
        keepAliveAfter = keepAliveAfter == null ? Duration.ofSeconds(5) : keepAliveAfter;
    }
}
