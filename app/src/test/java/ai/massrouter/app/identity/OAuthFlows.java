package ai.massrouter.app.identity;

import ai.massrouter.app.support.ApiClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a browser does during a provider sign-in, over real HTTP: start, (consent,) come back with a cookie. */
final class OAuthFlows {

    static final String COOKIE = "mr_oauth_browser";

    private static final HttpClient BROWSER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private OAuthFlows() {
    }

    /** The authorization request our server redirected to, and the cookie it set. */
    record Authorization(URI location, Map<String, String> params, String cookie, String setCookie) {

        String state() {
            return params.get("state");
        }

        String challenge() {
            return params.get("code_challenge");
        }

        String redirectUri() {
            return params.get("redirect_uri");
        }
    }

    static Authorization start(ApiClient api, String provider, String cookie) {
        ApiClient.Response response = api.send("GET", "/api/v1/auth/oauth/" + provider, null, null,
                cookie == null ? Map.of() : Map.of("Cookie", cookie));
        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        return authorization(URI.create(response.header("Location")), response.header("Set-Cookie"));
    }

    static Authorization authorization(URI location, String setCookie) {
        assertThat(setCookie).as("state cookie").startsWith(COOKIE + "=");
        return new Authorization(location, LocalIdentityProviders.decode(location.getRawQuery()),
                setCookie.substring(0, setCookie.indexOf(';')), setCookie);
    }

    static ApiClient.Response callback(ApiClient api, String provider, String query, String cookie, boolean json) {
        Map<String, String> headers = new HashMap<>();
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        if (json) {
            headers.put("Accept", "application/json");
        }
        return api.send("GET", "/api/v1/auth/oauth/" + provider + "/callback?" + query, null, null, headers);
    }

    static String query(String code, String state) {
        return "code=" + enc(code) + "&state=" + enc(state);
    }

    /** The values in the fragment of a redirect to the front end. */
    static Map<String, String> fragment(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        URI location = URI.create(response.header("Location"));
        return LocalIdentityProviders.decode(location.getRawFragment());
    }

    /** Follows the authorization request to a real authorization server; returns where it sends the browser back. */
    static URI consentAt(URI authorizationRequest) {
        try {
            HttpResponse<String> response = BROWSER.send(HttpRequest.newBuilder(authorizationRequest).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
            return URI.create(response.headers().firstValue("Location").orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
