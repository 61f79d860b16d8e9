package ai.massrouter.command.identity;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.command.config.DomainRefusal;
import ai.massrouter.api.common.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-in through a provider: {@code GET /auth/oauth/{provider}} sends the browser to the provider,
 * the provider sends it back to {@code /callback}, which signs the user in and hands the token
 * pair to the front end in the URL fragment (never sent to a server, never in a Referer), or in
 * the envelope to a client that asks for JSON.
 */
@RestController
@RequestMapping("/api/v1/auth/oauth")
public class OAuthController {

    private static final Logger log = LoggerFactory.getLogger(OAuthController.class);

    private final IdentityProviders providers;
    private final LoginStates states;
    private final ExternalSignIn signIn;
    private final OAuthRedirects redirects;

    OAuthController(IdentityProviders providers, LoginStates states, ExternalSignIn signIn, OAuthRedirects redirects) {
        this.providers = providers;
        this.states = states;
        this.signIn = signIn;
        this.redirects = redirects;
    }

    /** The enabled providers, in a fixed order, for the console's buttons. */
    @GetMapping("/providers")
    public List<ProviderView> providers() {
        return providers.enabledNames().stream()
                .map(name -> new ProviderView(name, "/api/v1/auth/oauth/" + name))
                .toList();
    }

    @GetMapping("/{provider}")
    public ResponseEntity<Void> start(@PathVariable String provider,
                                      @CookieValue(name = OAuthRedirects.BROWSER_COOKIE, required = false) String browser) {
        IdentityProviders.Enabled enabled = providers.enabled(provider);
        LoginStates.Started started = states.start(provider, browser, enabled.provider().usesPkce(), null);
        URI location = enabled.provider().authorizationUri(enabled.settings(), enabled.callbackUri(), started.state(),
                started.codeVerifier());
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(location)
                .header(HttpHeaders.SET_COOKIE, redirects.browserCookie(started.browser()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GetMapping("/{provider}/callback")
    public ResponseEntity<?> callback(@PathVariable String provider,
                                      @RequestParam(required = false) String code,
                                      @RequestParam(required = false) String state,
                                      @RequestParam(required = false) String error,
                                      @CookieValue(name = OAuthRedirects.BROWSER_COOKIE, required = false) String browser,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
        try {
            IdentityProviders.Enabled enabled = providers.enabled(provider);
            // spent first, so that a replay is refused whatever happens next
            LoginStates.Pending pending = states.consume(provider, state, browser);
            if (error != null) {
                // RFC 6749 error codes are short ASCII tokens; anything else is not echoed to the user
                throw ProviderFailures.refused(provider, error.matches("[A-Za-z0-9_.-]{1,64}") ? error : "error");
            }
            if (code == null || code.isBlank()) {
                throw DomainException.invalid("code", "missing");
            }
            ExternalProfile profile = enabled.provider().profile(enabled.settings(), enabled.callbackUri(), code,
                    pending.codeVerifier());
            if (pending.linkTo() != null) {
                signIn.link(pending.linkTo(), profile);
                Linked linked = new Linked(provider, true);
                return json ? ResponseEntity.ok(linked) : redirects.toFrontEnd(Map.of("linked", provider));
            }
            AuthResponse response = signIn.signIn(profile);
            return json ? ResponseEntity.ok(response) : redirects.toFrontEnd(Map.of(
                    "access_token", response.tokens().accessToken(),
                    "refresh_token", response.tokens().refreshToken(),
                    "expires_in", Long.toString(response.tokens().expiresIn()),
                    "token_type", response.tokens().tokenType()));
        } catch (RuntimeException e) {
            DomainException failure = asDomain(e);
            if (json) {
                throw failure;
            }
            return redirects.toFrontEnd(Map.of("error", failure.code().name(), "error_description", failure.getMessage()));
        }
    }

    private static DomainException asDomain(RuntimeException e) {
        Optional<DomainException> refused = DomainRefusal.of(e);
        if (refused.isPresent()) {
            return refused.get();
        }
        log.error("Provider sign-in failed unexpectedly", e);
        return new DomainException(ErrorCode.ERR_005, "Sign-in failed; try again later");
    }

    public record ProviderView(String name, String authorizationUrl) {
    }

    public record Linked(String provider, boolean linked) {
    }
}
