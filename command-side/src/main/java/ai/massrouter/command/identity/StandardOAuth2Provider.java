package ai.massrouter.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.token.AccessToken;

import java.net.URI;

/**
 * A provider that speaks plain OAuth 2.0 (RFC 6749, PKCE per RFC 7636): the standard
 * authorization request and code exchange, then a GET of its user-info endpoint with the access
 * token. Subclasses read the person out of that answer.
 */
abstract class StandardOAuth2Provider implements IdentityProvider {

    private final ProviderHttp http;
    private final boolean pkce;
    private final boolean basicAuth;

    StandardOAuth2Provider(ProviderHttp http, boolean pkce, boolean basicAuth) {
        this.http = http;
        this.pkce = pkce;
        this.basicAuth = basicAuth;
    }

    @Override
    public boolean usesPkce() {
        return pkce;
    }

    @Override
    public URI authorizationUri(OAuthProperties.Provider settings, URI redirectUri, String state, String codeVerifier) {
        return http.standardAuthorizationUri(settings, redirectUri, state, codeVerifier);
    }

    @Override
    public ExternalProfile profile(OAuthProperties.Provider settings, URI redirectUri, String code, String codeVerifier) {
        AccessToken token = http.exchangeCode(name(), settings, redirectUri, code, codeVerifier, basicAuth);
        JsonNode user = http.getJson(name(), URI.create(settings.userInfoUri()), token.getValue());
        return toProfile(settings, user);
    }

    abstract ExternalProfile toProfile(OAuthProperties.Provider settings, JsonNode user);

    static String text(JsonNode node, String path) {
        return ProviderHttp.text(node, path);
    }
}
