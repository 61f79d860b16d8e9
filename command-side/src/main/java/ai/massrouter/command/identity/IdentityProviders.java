package ai.massrouter.command.identity;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seven providers, which of them are configured, and the callback URI each one is given. */
@Component
@EnableConfigurationProperties(OAuthProperties.class)
public class IdentityProviders {

    static final List<String> ORDER = List.of("github", "google", "wechat", "feishu", "twitter", "facebook",
            "xiaohongshu");

    private final Map<String, IdentityProvider> byName = new LinkedHashMap<>();
    private final OAuthProperties properties;

    IdentityProviders(List<IdentityProvider> providers, OAuthProperties properties) {
        this.properties = properties;
        ORDER.forEach(name -> providers.stream().filter(p -> p.name().equals(name)).findFirst()
                .ifPresent(p -> byName.put(name, p)));
    }

    /** ERR_001 for a name that is no provider, ERR_004 for one that is not configured here. */
    Enabled enabled(String name) {
        IdentityProvider provider = byName.get(name);
        if (provider == null) {
            throw new DomainException(ErrorCode.ERR_001, "Unknown sign-in provider: " + name,
                    Map.of("provider", "must be one of " + String.join(", ", ORDER)));
        }
        OAuthProperties.Provider settings = properties.providers().get(name);
        if (!provider.isConfigured(settings)) {
            throw new DomainException(ErrorCode.ERR_004, "Sign-in through " + name + " is not enabled",
                    Map.of("provider", "not enabled"));
        }
        return new Enabled(provider, settings, callbackUri(name));
    }

    List<String> enabledNames() {
        return byName.values().stream().filter(p -> p.isConfigured(properties.providers().get(p.name())))
                .map(IdentityProvider::name).toList();
    }

    URI callbackUri(String name) {
        return UriComponentsBuilder.fromUriString(properties.publicBaseUrl())
                .path("/api/v1/auth/oauth/{provider}/callback").buildAndExpand(name).toUri();
    }

    record Enabled(IdentityProvider provider, OAuthProperties.Provider settings, URI callbackUri) {

        String name() {
            return provider.name();
        }
    }
}
