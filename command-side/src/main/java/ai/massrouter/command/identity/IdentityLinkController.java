package ai.massrouter.command.identity;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.user.UnlinkExternalIdentityCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * A signed-in user adds or removes a provider as a way to sign in. Linking starts like a sign-in
 * (the answer carries the provider URL to open in this browser, and sets the state cookie); the
 * callback then links instead of signing in. Only with the user's own token, never an API key.
 */
@RestController
@RequestMapping("/api/v1/users/me/identities")
public class IdentityLinkController {

    private final IdentityProviders providers;
    private final LoginStates states;
    private final OAuthRedirects redirects;
    private final CommandGateway commands;
    private final Clock clock;

    IdentityLinkController(IdentityProviders providers, LoginStates states, OAuthRedirects redirects,
                           CommandGateway commands, Clock clock) {
        this.providers = providers;
        this.states = states;
        this.redirects = redirects;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/{provider}")
    public ResponseEntity<LinkStarted> link(Caller caller, @PathVariable String provider,
                                            @CookieValue(name = OAuthRedirects.BROWSER_COOKIE, required = false) String browser) {
        ensureSignedInUser(caller);
        IdentityProviders.Enabled enabled = providers.enabled(provider);
        LoginStates.Started started = states.start(provider, browser, enabled.provider().usesPkce(), caller.userId());
        String url = enabled.provider().authorizationUri(enabled.settings(), enabled.callbackUri(), started.state(),
                started.codeVerifier()).toString();
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, redirects.browserCookie(started.browser()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new LinkStarted(provider, url));
    }

    @DeleteMapping("/{provider}")
    public Unlinked unlink(Caller caller, @PathVariable String provider) {
        ensureSignedInUser(caller);
        if (!IdentityProviders.ORDER.contains(provider)) {
            throw DomainException.invalid("provider", "must be one of " + String.join(", ", IdentityProviders.ORDER));
        }
        commands.sendAndWait(new UnlinkExternalIdentityCommand(caller.userId(), provider, clock.instant()));
        return new Unlinked(provider, true);
    }

    private static void ensureSignedInUser(Caller caller) {
        if (caller.viaApiKey()) {
            throw new DomainException(ErrorCode.ERR_003, "Ways to sign in are changed with the user's own token, not an API key");
        }
    }

    public record LinkStarted(String provider, String authorizationUrl) {
    }

    public record Unlinked(String provider, boolean unlinked) {
    }
}
