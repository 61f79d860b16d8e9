package ai.massrouter.app.identity;

import ai.massrouter.app.support.ApiClient;
import ai.massrouter.app.support.PlatformIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With no provider credentials (the default), nothing is offered and nothing redirects. */
class OAuthUnconfiguredIT extends PlatformIT {

    @Test
    void noProviderIsListed() {
        ApiClient.Response response = api.get("/api/v1/auth/oauth/providers", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().isArray()).isTrue();
        assertThat(response.data()).isEmpty();
    }

    @Test
    void unconfiguredProvider_isErr004_unknownProvider_isErr001() {
        ApiClient.Response github = api.get("/api/v1/auth/oauth/github", null);
        assertThat(github.status()).isEqualTo(404);
        assertThat(github.errorCode()).isEqualTo("ERR_004");
        assertThat(github.json().path("error").path("message").asText()).contains("not enabled");

        ApiClient.Response unknown = api.get("/api/v1/auth/oauth/myspace", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("ERR_001");

        ApiClient.Response callback = api.send("GET", "/api/v1/auth/oauth/wechat/callback?code=c&state=s", null, null,
                java.util.Map.of("Accept", "application/json"));
        assertThat(callback.errorCode()).isEqualTo("ERR_004");
    }
}
