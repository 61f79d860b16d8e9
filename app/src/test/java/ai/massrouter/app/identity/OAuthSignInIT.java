package ai.massrouter.app.identity;

import ai.massrouter.app.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each of the seven providers, over real HTTP: the first sign-in opens a user, the next finds the same one. */
class OAuthSignInIT extends OAuthITBase {

    @Test
    void providers_listsTheConfiguredOnes_inTheirOrder() {
        ApiClient.Response response = api.get("/api/v1/auth/oauth/providers", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().findValuesAsText("name"))
                .containsExactly("github", "google", "wechat", "feishu", "twitter", "facebook", "xiaohongshu");
        assertThat(response.data().get(0).path("authorization_url").asText()).isEqualTo("/api/v1/auth/oauth/github");
    }

    @Test
    void github_redirectsWithStateAndPkce_andSetsAnHttpOnlyLaxCookie() {
        OAuthFlows.Authorization authorization = OAuthFlows.start(api, "github", null);
        assertThat(authorization.location().toString()).startsWith("https://github.test/login/oauth/authorize?");
        assertThat(authorization.params()).containsEntry("client_id", LocalIdentityProviders.CLIENT_ID)
                .containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", PUBLIC_BASE + "/api/v1/auth/oauth/github/callback")
                .containsEntry("scope", "read:user user:email");
        assertThat(authorization.state()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(authorization.challenge()).hasSize(43);
        assertThat(authorization.setCookie()).contains("HttpOnly", "SameSite=Lax", "Path=/api/v1/auth/oauth");
    }

    @Test
    void github_firstSignInOpensAUser_theSecondFindsTheSameOne_tokensOnlyInTheFragment() {
        long githubId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Map<String, Object> octocat = Map.of("id", githubId, "login", "octo-cat", "email", "octo" + githubId + "@github.test",
                "avatar_url", "https://avatars.github.test/u/1");

        ApiClient.Response first = signInAt("github", octocat, null, false);
        assertThat(first.header("Location")).startsWith(FRONTEND + "#").doesNotContain("?");
        Map<String, String> tokens = OAuthFlows.fragment(first);
        assertThat(tokens).containsKeys("access_token", "refresh_token").containsEntry("expires_in", "3600")
                .containsEntry("token_type", "Bearer");
        JsonNode user = me(tokens.get("access_token"));
        assertThat(user.path("username").asText()).matches("octo-cat_[a-z0-9]{6}");
        assertThat(user.path("email").asText()).isEqualTo("octo" + githubId + "@github.test");
        // the avatar comes in the sign-up's second event: the read model may show the user a moment before it
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                me(tokens.get("access_token")).path("avatar_url").asText()).isEqualTo("https://avatars.github.test/u/1"));

        Map<String, String> again = OAuthFlows.fragment(signInAt("github", octocat, null, false));
        assertThat(me(again.get("access_token")).path("id").asText()).isEqualTo(user.path("id").asText());

        // the refresh token is the platform's own: it rotates like a password login's
        ApiClient.Response refreshed = api.post("/api/v1/auth/refresh", Map.of("refresh_token", again.get("refresh_token")), null);
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    }

    @Test
    void google_throughARealOidcServer_usesTheVerifiedEmail_andFindsTheSameUserBySub() {
        String sub = "g-" + UUID.randomUUID();
        String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@gmail.test";
        Map<String, Object> claims = Map.of("email", email, "email_verified", true, "given_name", "Ada");

        ApiClient.Response first = signInWithGoogle(sub, claims, null, true);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.data().path("user").path("email").asText()).isEqualTo(email);
        assertThat(first.data().path("user").path("username").asText()).startsWith("Ada_");
        String userId = first.data().path("user").path("id").asText();
        assertThat(me(first.data().path("tokens").path("access_token").asText()).path("email").asText()).isEqualTo(email);

        ApiClient.Response second = signInWithGoogle(sub, claims, null, true);
        assertThat(second.data().path("user").path("id").asText()).isEqualTo(userId);
    }

    @Test
    void google_unverifiedEmail_isNotTaken() {
        ApiClient.Response response = signInWithGoogle("g-" + UUID.randomUUID(),
                Map.of("email", "someone-else@gmail.test", "email_verified", false), null, true);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.data().path("user").path("email").asText(null)).isNull();
    }

    @Test
    void wechat_identifiesByUnionid_elseOpenid() {
        String unionid = "o6_union_" + UUID.randomUUID();
        Map<String, Object> first = Map.of("openid", "openid-web-1", "unionid", unionid, "nickname", "小明",
                "headimgurl", "https://thirdwx.test/head.png");
        ApiClient.Response signedUp = signInAt("wechat", first, null, true);
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(200);
        assertThat(signedUp.data().path("user").path("username").asText()).matches("小明_[a-z0-9]{6}");
        // the same person through another WeChat app of ours: other openid, same unionid
        ApiClient.Response again = signInAt("wechat", Map.of("openid", "openid-web-2", "unionid", unionid,
                "nickname", "小明"), null, true);
        assertThat(again.data().path("user").path("id").asText()).isEqualTo(signedUp.data().path("user").path("id").asText());

        String openid = "openid-only-" + UUID.randomUUID();
        ApiClient.Response noUnion = signInAt("wechat", Map.of("openid", openid, "nickname", "w"), null, true);
        ApiClient.Response noUnionAgain = signInAt("wechat", Map.of("openid", openid, "nickname", "w"), null, true);
        assertThat(noUnionAgain.data().path("user").path("id").asText())
                .isEqualTo(noUnion.data().path("user").path("id").asText());
    }

    @Test
    void wechat_refusedCode_endsInErr002() {
        OAuthFlows.Authorization authorization = OAuthFlows.start(api, "wechat", null);
        assertThat(authorization.location().getRawFragment()).isEqualTo("wechat_redirect");
        assertThat(authorization.params()).containsEntry("appid", LocalIdentityProviders.CLIENT_ID)
                .containsEntry("scope", "snsapi_login");
        ApiClient.Response response = OAuthFlows.callback(api, "wechat",
                OAuthFlows.query("a-code-wechat-never-issued", authorization.state()), authorization.cookie(), true);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("ERR_002");
        assertThat(response.json().path("error").path("message").asText()).contains("40029");
    }

    @Test
    void feishu_appTokenThenUserTokenThenUserInfo_identifiesByUnionId() {
        String unionId = "on_" + UUID.randomUUID();
        Map<String, Object> person = Map.of("open_id", "ou_1", "union_id", unionId, "name", "李雷", "en_name", "Lei",
                "avatar_url", "https://s1.feishu.test/a.png");
        ApiClient.Response first = signInAt("feishu", person, null, true);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.data().path("user").path("username").asText()).startsWith("Lei_");
        ApiClient.Response second = signInAt("feishu", Map.of("open_id", "ou_2", "union_id", unionId, "name", "李雷"),
                null, true);
        assertThat(second.data().path("user").path("id").asText()).isEqualTo(first.data().path("user").path("id").asText());
    }

    @Test
    void twitter_withPkceAndBasicAuth_signsIn() {
        String id = Long.toString(Math.abs(UUID.randomUUID().getLeastSignificantBits()));
        ApiClient.Response first = signInAt("twitter", Map.of("id", id, "name", "X User", "username", "xuser"), null, true);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.data().path("user").path("username").asText()).startsWith("xuser_");
        ApiClient.Response second = signInAt("twitter", Map.of("id", id, "username", "renamed"), null, true);
        assertThat(second.data().path("user").path("id").asText()).isEqualTo(first.data().path("user").path("id").asText());
    }

    @Test
    void twitter_withATamperedVerifier_isRefused() {
        OAuthFlows.Authorization authorization = OAuthFlows.start(api, "twitter", null);
        // the provider saw another challenge than the one our verifier answers
        String code = PROVIDERS.consent("twitter", LocalIdentityProviders.s256("attacker-verifier-0123456789-0123456789-xx"),
                authorization.redirectUri(), Map.of("id", "1", "username", "victim"));
        ApiClient.Response response = OAuthFlows.callback(api, "twitter", OAuthFlows.query(code, authorization.state()),
                authorization.cookie(), true);
        assertThat(response.errorCode()).as(response.toString()).isEqualTo("ERR_002");
    }

    @Test
    void facebook_andXiaohongshu_signIn() {
        String fb = "fb-" + UUID.randomUUID();
        ApiClient.Response facebook = signInAt("facebook", Map.of("id", fb, "name", "Mark Z",
                "picture", Map.of("data", Map.of("url", "https://fb.test/p.jpg"))), null, true);
        assertThat(facebook.status()).as(facebook.toString()).isEqualTo(200);
        assertThat(facebook.data().path("user").path("username").asText()).startsWith("MarkZ_");

        String red = "xhs-" + UUID.randomUUID();
        ApiClient.Response xhs = signInAt("xiaohongshu", Map.of("user_id", red, "nickname", "薯条"), null, true);
        assertThat(xhs.status()).as(xhs.toString()).isEqualTo(200);
        assertThat(xhs.data().path("user").path("username").asText()).startsWith("薯条_");
        ApiClient.Response again = signInAt("xiaohongshu", Map.of("user_id", red, "nickname", "薯条"), null, true);
        assertThat(again.data().path("user").path("id").asText()).isEqualTo(xhs.data().path("user").path("id").asText());
    }

    @Test
    void aUserWhoSignedUpThroughAProvider_hasNoPassword_thatAnyLoginCouldMatch() {
        long githubId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String email = "nopass" + githubId + "@github.test";
        signInAt("github", Map.of("id", githubId, "login", "no-pass", "email", email), null, false);

        ApiClient.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", "password-123"), null);
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.errorCode()).isEqualTo("ERR_002");
    }
}
