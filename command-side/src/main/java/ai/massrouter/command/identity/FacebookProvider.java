package ai.massrouter.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * Facebook Login (manual flow): {@code dialog/oauth}, the code exchange at the Graph API's
 * {@code oauth/access_token} (with PKCE), then {@code GET /me?fields=id,name,email,picture}.
 * Subject: the app-scoped {@code id}. Facebook returns {@code email} only when the person has a
 * confirmed address, so it counts as verified.
 */
@Component
class FacebookProvider extends StandardOAuth2Provider {

    FacebookProvider(ProviderHttp http) {
        super(http, true, false);
    }

    @Override
    public String name() {
        return "facebook";
    }

    @Override
    ExternalProfile toProfile(OAuthProperties.Provider settings, JsonNode user) {
        return new ExternalProfile(name(), text(user, "id"), text(user, "email"), text(user, "name"),
                text(user, "picture.data.url"));
    }
}
