package ai.massrouter.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.Map;

/**
 * Feishu (Lark) web app login: the browser goes to {@code authen/v1/authorize} with
 * {@code client_id}; then three calls, each answering {@code {"code":0,...}} on success:
 * the app access token ({@code POST auth/v3/app_access_token/internal} with {@code app_id} and
 * {@code app_secret}), the user access token ({@code POST authen/v1/oidc/access_token} with the
 * app token as bearer, {@code grant_type=authorization_code} and the code; answer in
 * {@code data}), and the user ({@code GET authen/v1/user_info} with the user token; answer in
 * {@code data}). Subject: {@code union_id} else {@code open_id}. Feishu e-mails are set by the
 * tenant's admin, not verified with the person: not used.
 */
@Component
class FeishuProvider implements IdentityProvider {

    private final ProviderHttp http;

    FeishuProvider(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "feishu";
    }

    @Override
    public boolean usesPkce() {
        return false;
    }

    @Override
    public URI authorizationUri(OAuthProperties.Provider settings, URI redirectUri, String state, String codeVerifier) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(settings.authorizationUri())
                .queryParam("client_id", settings.clientId())
                .queryParam("response_type", "code")
                .queryParam("redirect_uri", redirectUri.toString())
                .queryParam("state", state);
        if (OAuthProperties.set(settings.scope())) {
            uri.queryParam("scope", settings.scope());
        }
        return uri.encode().build().toUri();
    }

    @Override
    public ExternalProfile profile(OAuthProperties.Provider settings, URI redirectUri, String code, String codeVerifier) {
        JsonNode app = ensureOk(http.postJson(name(), URI.create(settings.appTokenUri()), null,
                Map.of("app_id", settings.clientId(), "app_secret", settings.clientSecret())));
        String appToken = ProviderHttp.text(app, "app_access_token");
        if (appToken == null) {
            throw ProviderFailures.badAnswer(name(), "no app_access_token");
        }
        JsonNode token = ensureOk(http.postJson(name(), URI.create(settings.tokenUri()), appToken,
                Map.of("grant_type", "authorization_code", "code", code)));
        String userToken = ProviderHttp.text(token, "data.access_token");
        if (userToken == null) {
            throw ProviderFailures.badAnswer(name(), "no access_token");
        }
        JsonNode user = ensureOk(http.getJson(name(), URI.create(settings.userInfoUri()), userToken));
        String unionId = ProviderHttp.text(user, "data.union_id");
        return new ExternalProfile(name(), unionId != null ? unionId : ProviderHttp.text(user, "data.open_id"), null,
                ProviderHttp.text(user, "data.en_name") != null ? ProviderHttp.text(user, "data.en_name")
                        : ProviderHttp.text(user, "data.name"),
                ProviderHttp.text(user, "data.avatar_url"));
    }

    private JsonNode ensureOk(JsonNode answer) {
        if (answer.path("code").asInt(-1) != 0) {
            throw ProviderFailures.refused(name(), "code " + answer.path("code").asText("?") + " "
                    + answer.path("msg").asText(""));
        }
        return answer;
    }
}
