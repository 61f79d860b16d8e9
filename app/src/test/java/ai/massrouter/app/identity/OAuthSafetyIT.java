package ai.massrouter.app.identity;

import ai.massrouter.app.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker or an unlucky user meets: tampered, replayed, foreign and expired states,
 * a denied consent, a provider that is down, an e-mail that belongs to another account, linking
 * and unlinking, and a suspended user.
 */
class OAuthSafetyIT extends OAuthITBase {

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> githubUser() {
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        return Map.of("id", id, "login", "gh" + id);
    }

    @Test
    void state_tampered_replayed_fromAnotherBrowser_orWithoutCookie_isRefused() {
        OAuthFlows.Authorization authorization = OAuthFlows.start(api, "github", null);
        String code = PROVIDERS.consent("github", authorization.challenge(), authorization.redirectUri(), githubUser());

        ApiClient.Response tampered = OAuthFlows.callback(api, "github",
                OAuthFlows.query(code, authorization.state() + "x"), authorization.cookie(), true);
        assertThat(tampered.errorCode()).as(tampered.toString()).isEqualTo("ERR_002");

        OAuthFlows.Authorization otherBrowser = OAuthFlows.start(api, "github", null);
        ApiClient.Response foreign = OAuthFlows.callback(api, "github", OAuthFlows.query(code, authorization.state()),
                otherBrowser.cookie(), true);
        assertThat(foreign.errorCode()).as(foreign.toString()).isEqualTo("ERR_002");
        ApiClient.Response noCookie = OAuthFlows.callback(api, "github", OAuthFlows.query(code, authorization.state()),
                null, true);
        assertThat(noCookie.errorCode()).as(noCookie.toString()).isEqualTo("ERR_002");

        // none of those spent the state: its own browser still signs in, once
        ApiClient.Response ok = OAuthFlows.callback(api, "github", OAuthFlows.query(code, authorization.state()),
                authorization.cookie(), true);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        ApiClient.Response replay = OAuthFlows.callback(api, "github", OAuthFlows.query(code, authorization.state()),
                authorization.cookie(), true);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().path("error").path("details").path("state").asText()).contains("already used");
    }

    @Test
    void state_ofAnotherProvider_orExpired_isRefused() {
        OAuthFlows.Authorization github = OAuthFlows.start(api, "github", null);
        String code = PROVIDERS.consent("twitter", github.challenge(), github.redirectUri(), Map.of("id", "7"));
        ApiClient.Response crossed = OAuthFlows.callback(api, "twitter", OAuthFlows.query(code, github.state()),
                github.cookie(), true);
        assertThat(crossed.errorCode()).as(crossed.toString()).isEqualTo("ERR_002");

        OAuthFlows.Authorization late = OAuthFlows.start(api, "github", null);
        String lateCode = PROVIDERS.consent("github", late.challenge(), late.redirectUri(), githubUser());
        // the user took longer than the state's lifetime on the provider's page
        jdbc.update("UPDATE oauth_login_state SET expires_at = now() - interval '1 second'");
        ApiClient.Response expired = OAuthFlows.callback(api, "github", OAuthFlows.query(lateCode, late.state()),
                late.cookie(), true);
        assertThat(expired.errorCode()).as(expired.toString()).isEqualTo("ERR_002");
        assertThat(expired.json().path("error").path("details").path("state").asText()).contains("expired");
    }

    @Test
    void twoTabsOfOneBrowser_bothSignIn() {
        OAuthFlows.Authorization first = OAuthFlows.start(api, "github", null);
        OAuthFlows.Authorization second = OAuthFlows.start(api, "github", first.cookie());
        assertThat(second.cookie()).isEqualTo(first.cookie());
        for (OAuthFlows.Authorization tab : java.util.List.of(first, second)) {
            String code = PROVIDERS.consent("github", tab.challenge(), tab.redirectUri(), githubUser());
            ApiClient.Response response = OAuthFlows.callback(api, "github", OAuthFlows.query(code, tab.state()),
                    tab.cookie(), true);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
    }

    @Test
    void deniedConsent_sendsTheBrowserBackWithAnError_andSpendsTheState() {
        OAuthFlows.Authorization authorization = OAuthFlows.start(api, "github", null);
        ApiClient.Response denied = OAuthFlows.callback(api, "github",
                "error=access_denied&state=" + OAuthFlows.enc(authorization.state()), authorization.cookie(), false);
        assertThat(denied.header("Location")).startsWith(FRONTEND + "#");
        assertThat(OAuthFlows.fragment(denied)).containsEntry("error", "ERR_002").doesNotContainKey("access_token");
        assertThat(OAuthFlows.fragment(denied).get("error_description")).contains("access_denied");
    }

    @Test
    void providerDown_endsInAClearError() {
        PROVIDERS.takeDown("feishu");
        try {
            ApiClient.Response json = signInAt("feishu", Map.of("open_id", "ou_down"), null, true);
            assertThat(json.status()).isEqualTo(500);
            assertThat(json.errorCode()).isEqualTo("ERR_005");
            assertThat(json.json().path("error").path("message").asText()).isEqualTo("feishu did not answer; try again later");
            Map<String, String> redirected = OAuthFlows.fragment(signInAt("feishu", Map.of("open_id", "ou_down"), null, false));
            assertThat(redirected).containsEntry("error", "ERR_005");
        } finally {
            PROVIDERS.restore("feishu");
        }
    }

    @Test
    void emailOfAnExistingAccount_isNotMerged_theOwnerSignsInAndLinks() {
        String email = uniqueEmail("owner");
        JsonNode owner = register(email, "password-123");
        String ownerToken = owner.path("tokens").path("access_token").asText();
        String sub = "g-" + UUID.randomUUID();
        Map<String, Object> claims = Map.of("email", email.toUpperCase(), "email_verified", true);

        ApiClient.Response refused = signInWithGoogle(sub, claims, null, true);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("ERR_001");
        assertThat(refused.json().path("error").path("details").path("email").asText()).contains("sign in and link");

        ApiClient.Response started = api.post("/api/v1/users/me/identities/google", null, ownerToken);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        OAuthFlows.Authorization authorization = OAuthFlows.authorization(
                java.net.URI.create(started.data().path("authorization_url").asText()), started.header("Set-Cookie"));
        ApiClient.Response linked = OAuthFlows.callback(api, "google", consentWithGoogle(authorization, sub, claims),
                authorization.cookie(), true);
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.data().path("linked").asBoolean()).isTrue();

        ApiClient.Response viaGoogle = signInWithGoogle(sub, claims, null, true);
        assertThat(viaGoogle.status()).as(viaGoogle.toString()).isEqualTo(200);
        assertThat(viaGoogle.data().path("user").path("id").asText()).isEqualTo(owner.path("user").path("id").asText());

        // that Google account cannot be linked to a second user
        String otherToken = registerAndGetToken();
        ApiClient.Response again = api.post("/api/v1/users/me/identities/google", null, otherToken);
        OAuthFlows.Authorization second = OAuthFlows.authorization(
                java.net.URI.create(again.data().path("authorization_url").asText()), again.header("Set-Cookie"));
        ApiClient.Response stolen = OAuthFlows.callback(api, "google", consentWithGoogle(second, sub, claims),
                second.cookie(), true);
        assertThat(stolen.errorCode()).as(stolen.toString()).isEqualTo("ERR_001");
    }

    @Test
    void unlink_neverRemovesTheLastWayToSignIn() {
        Map<String, Object> gh = githubUser();
        ApiClient.Response signedUp = signInAt("github", gh, null, true);
        String token = signedUp.data().path("tokens").path("access_token").asText();
        String userId = signedUp.data().path("user").path("id").asText();

        ApiClient.Response last = api.delete("/api/v1/users/me/identities/github", token);
        assertThat(last.status()).isEqualTo(400);
        assertThat(last.json().path("error").path("details").path("provider").asText()).isEqualTo("last way to sign in");

        ApiClient.Response started = api.post("/api/v1/users/me/identities/wechat", null, token);
        OAuthFlows.Authorization authorization = OAuthFlows.authorization(
                java.net.URI.create(started.data().path("authorization_url").asText()), started.header("Set-Cookie"));
        String unionid = "u-" + UUID.randomUUID();
        String code = PROVIDERS.consent("wechat", null, null, Map.of("openid", "o-" + unionid, "unionid", unionid));
        assertThat(OAuthFlows.fragment(OAuthFlows.callback(api, "wechat", OAuthFlows.query(code, authorization.state()),
                authorization.cookie(), false))).containsEntry("linked", "wechat");

        ApiClient.Response unlinked = api.delete("/api/v1/users/me/identities/github", token);
        assertThat(unlinked.status()).as(unlinked.toString()).isEqualTo(200);
        ApiClient.Response viaWechat = signInAt("wechat", Map.of("openid", "o-" + unionid, "unionid", unionid), null, true);
        assertThat(viaWechat.data().path("user").path("id").asText()).isEqualTo(userId);
        // the GitHub account is free again: it now opens a new user
        ApiClient.Response viaGithub = signInAt("github", gh, null, true);
        assertThat(viaGithub.data().path("user").path("id").asText()).isNotEqualTo(userId);

        String key = api.post("/api/v1/users/me/api-keys", Map.of("name", "k", "permissions", java.util.List.of("read", "write")),
                token).data().path("key").asText();
        assertThat(api.post("/api/v1/users/me/identities/github", null, key).errorCode()).isEqualTo("ERR_003");
    }

    @Test
    void suspendedUser_cannotSignInThroughAProvider() {
        Map<String, Object> gh = githubUser();
        ApiClient.Response signedUp = signInAt("github", gh, null, true);
        String userId = signedUp.data().path("user").path("id").asText();
        ApiClient.Response suspend = api.put("/api/v1/admin/users/" + userId + "/status",
                Map.of("status", "suspended", "reason", "fraud"), adminToken());
        assertThat(suspend.status()).as(suspend.toString()).isEqualTo(200);

        ApiClient.Response refused = signInAt("github", gh, null, true);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("USER_001");
        assertThat(OAuthFlows.fragment(signInAt("github", gh, null, false))).containsEntry("error", "USER_001");
    }
}
