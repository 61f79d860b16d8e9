package ai.massrouter.gateway;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.model.ModelRoute;
import ai.massrouter.api.model.ModelView;
import ai.massrouter.gateway.provider.AnthropicAdapter;
import ai.massrouter.gateway.provider.MockAdapter;
import ai.massrouter.gateway.provider.OpenAiCompatibleAdapter;
import ai.massrouter.gateway.provider.ProviderAdapter;
import ai.massrouter.gateway.provider.ProviderProperties;
import ai.massrouter.gateway.provider.UpstreamHttp;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured upstreams, built once at start-up (each with its pooled HTTP client). A model's
 * routes resolve to the configured ones, in the catalog's order; the built-in {@code mock} is
 * there unless switched off.
 */
@Component
public class ProviderRegistry {

    private final Map<String, ProviderAdapter> adapters = new HashMap<>();

    public ProviderRegistry(GatewayProperties properties) {
        // a mapper of our own: the web's snake_case naming must never touch an upstream's JSON
        ObjectMapper upstreamJson = new ObjectMapper();
        properties.providers().forEach((name, provider) -> {
            if (provider.configured()) {
                adapters.put(name, adapter(name, provider, properties, upstreamJson));
            }
        });
        if (properties.mockEnabled()) {
            adapters.putIfAbsent(MockAdapter.NAME, new MockAdapter());
        }
    }

    private static ProviderAdapter adapter(String name, ProviderProperties provider, GatewayProperties properties,
                                           ObjectMapper json) {
        UpstreamHttp http = new UpstreamHttp(name, properties.connectTimeout(), properties.requestTimeout(),
                properties.readTimeout(), json);
        return switch (provider.kind()) {
            case OPENAI -> new OpenAiCompatibleAdapter(http, provider);
            case ANTHROPIC -> new AnthropicAdapter(http, provider);
        };
    }

    /** The model's routes that can be tried, in order; none configured is MODEL_001 naming each provider. */
    public List<Route> routes(ModelView model) {
        List<Route> routes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ModelRoute route : model.routes()) {
            ProviderAdapter adapter = adapters.get(route.provider());
            if (adapter == null) {
                missing.add(route.provider());
            } else {
                routes.add(new Route(route.provider(), route.upstreamModel(), adapter));
            }
        }
        if (routes.isEmpty()) {
            throw new DomainException(ErrorCode.MODEL_001, "Model " + model.id() + " is unavailable: provider"
                    + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " "
                    + (missing.size() == 1 ? "is" : "are") + " not configured", Map.of("model", model.id()));
        }
        return routes;
    }

    /** One way to serve a call: a configured provider and the model's name there. */
    public record Route(String provider, String upstreamModel, ProviderAdapter adapter) {
    }
}
