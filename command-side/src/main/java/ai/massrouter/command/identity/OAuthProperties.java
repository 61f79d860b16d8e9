package ai.massrouter.command.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * {@code massrouter.oauth.*}: where the browser goes after a provider sign-in, how providers reach
 * this server, and each provider's client credentials and endpoints (see README). A provider is
 * offered only when its client id and secret are set.
 */
@ConfigurationProperties("massrouter.oauth")
public record OAuthProperties(String frontendUrl, String publicBaseUrl, Duration stateTtl, Duration httpTimeout,
                              Map<String, Provider> providers) {

    public OAuthProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    /**
     * One provider's client and endpoints. {@code appTokenUri} is Feishu's app access token;
     * the {@code *Field}s name where a generic provider (Xiaohongshu) puts the person's id, name,
     * avatar and e-mail in its user-info answer (dotted paths, e.g. {@code data.open_id}).
     */
    public record Provider(String clientId, String clientSecret, String authorizationUri, String tokenUri,
                           String userInfoUri, String appTokenUri, String scope, String subjectField,
                           String nameField, String avatarField) {

        boolean hasCredentials() {
            return set(clientId) && set(clientSecret);
        }
    }

    static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
