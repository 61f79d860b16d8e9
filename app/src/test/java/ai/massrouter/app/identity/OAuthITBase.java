package ai.massrouter.app.identity;

import ai.massrouter.app.support.ApiClient;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static ai.massrouter.app.identity.LocalIdentityProviders.CLIENT_ID;
import static ai.massrouter.app.identity.LocalIdentityProviders.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * All seven providers configured: Google against a real OpenID Connect server
 * (mock-oauth2-server), the others against {@link LocalIdentityProviders}. The subclasses share
 * one application context and database.
 */
abstract class OAuthITBase extends PlatformIT {

    static final String FRONTEND = "http://console.massrouter.test/signed-in";
    static final String PUBLIC_BASE = "http://massrouter.test";

    static final LocalIdentityProviders PROVIDERS;
    static final MockOAuth2Server OIDC = new MockOAuth2Server();

    static {
        try {
            PROVIDERS = new LocalIdentityProviders();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OIDC.start();
    }

    @DynamicPropertySource
    static void oauthProperties(DynamicPropertyRegistry registry) {
        String local = PROVIDERS.base();
        registry.add("massrouter.oauth.frontend-url", () -> FRONTEND);
        registry.add("massrouter.oauth.public-base-url", () -> PUBLIC_BASE);
        registry.add("massrouter.oauth.http-timeout", () -> "PT3S");
        provider(registry, "github", "https://github.test/login/oauth/authorize", local + "/github/login/oauth/access_token",
                local + "/github/user");
        provider(registry, "google", OIDC.authorizationEndpointUrl("google").toString(),
                OIDC.tokenEndpointUrl("google").toString(), OIDC.userInfoUrl("google").toString());
        provider(registry, "wechat", "https://open.weixin.test/connect/qrconnect", local + "/wechat/sns/oauth2/access_token",
                local + "/wechat/sns/userinfo");
        provider(registry, "feishu", "https://accounts.feishu.test/open-apis/authen/v1/authorize",
                local + "/feishu/authen/v1/oidc/access_token", local + "/feishu/authen/v1/user_info");
        registry.add("massrouter.oauth.providers.feishu.app-token-uri", () -> local + "/feishu/auth/v3/app_access_token/internal");
        provider(registry, "twitter", "https://x.test/i/oauth2/authorize", local + "/twitter/2/oauth2/token",
                local + "/twitter/2/users/me?user.fields=profile_image_url");
        provider(registry, "facebook", "https://www.facebook.test/v19.0/dialog/oauth", local + "/facebook/oauth/access_token",
                local + "/facebook/me?fields=id,name,email,picture");
        provider(registry, "xiaohongshu", "https://xiaohongshu.test/oauth/authorize", local + "/xhs/oauth/token",
                local + "/xhs/user/info");
        registry.add("massrouter.oauth.providers.xiaohongshu.subject-field", () -> "data.user_id");
        registry.add("massrouter.oauth.providers.xiaohongshu.name-field", () -> "data.nickname");
    }

    private static void provider(DynamicPropertyRegistry registry, String name, String authorization, String token,
                                 String userInfo) {
        String prefix = "massrouter.oauth.providers." + name + ".";
        registry.add(prefix + "client-id", () -> CLIENT_ID);
        registry.add(prefix + "client-secret", () -> CLIENT_SECRET);
        registry.add(prefix + "authorization-uri", () -> authorization);
        registry.add(prefix + "token-uri", () -> token);
        registry.add(prefix + "user-info-uri", () -> userInfo);
    }

    /** Start in a browser (with this cookie, or none), consent at a local provider as {@code user}, come back. */
    ApiClient.Response signInAt(String provider, Map<String, Object> user, String cookie, boolean json) {
        OAuthFlows.Authorization authorization = OAuthFlows.start(api, provider, cookie);
        String code = PROVIDERS.consent(provider, authorization.challenge(), authorization.redirectUri(), user);
        return OAuthFlows.callback(api, provider, OAuthFlows.query(code, authorization.state()), authorization.cookie(),
                json);
    }

    /** The same through the OpenID Connect server: it issues the code itself and reports {@code subject}. */
    ApiClient.Response signInWithGoogle(String subject, Map<String, Object> claims, String cookie, boolean json) {
        OAuthFlows.Authorization authorization = OAuthFlows.start(api, "google", cookie);
        return OAuthFlows.callback(api, "google", consentWithGoogle(authorization, subject, claims),
                authorization.cookie(), json);
    }

    /** Lets the OIDC server consent to {@code authorization}; returns the callback's query. */
    static String consentWithGoogle(OAuthFlows.Authorization authorization, String subject, Map<String, Object> claims) {
        OIDC.enqueueCallback(new DefaultOAuth2TokenCallback("google", subject, "JWT", List.of(CLIENT_ID), claims, 3600));
        URI back = OAuthFlows.consentAt(authorization.location());
        assertThat(back.toString()).startsWith(authorization.redirectUri());
        return back.getRawQuery();
    }

    /** The signed-in user, as {@code GET /users/me} shows it. */
    JsonNode me(String accessToken) {
        ApiClient.Response me = api.get("/api/v1/users/me", accessToken);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return me.data();
    }
}
