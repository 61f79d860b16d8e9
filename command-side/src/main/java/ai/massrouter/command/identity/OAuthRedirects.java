package ai.massrouter.command.identity;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** The browser side of a provider sign-in: the cookie that binds a state to a browser, and the way back to the front end. */
@Component
class OAuthRedirects {

    static final String BROWSER_COOKIE = "mr_oauth_browser";

    private final OAuthProperties properties;

    OAuthRedirects(OAuthProperties properties) {
        this.properties = properties;
    }

    /**
     * HttpOnly, sent only to the OAuth routes, and SameSite=Lax: the provider's redirect back is a
     * top-level GET navigation, which Lax lets through.
     */
    String browserCookie(String value) {
        return ResponseCookie.from(BROWSER_COOKIE, value)
                .httpOnly(true)
                .secure(properties.publicBaseUrl().startsWith("https:"))
                .sameSite("Lax")
                .path("/api/v1/auth/oauth")
                .maxAge(properties.stateTtl())
                .build().toString();
    }

    /** 302 to the front-end URL with the values in the fragment, which the browser never sends to a server. */
    ResponseEntity<Void> toFrontEnd(Map<String, String> values) {
        String base = properties.frontendUrl();
        int hash = base.indexOf('#');
        String fragment = values.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create((hash < 0 ? base : base.substring(0, hash)) + "#" + fragment))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
