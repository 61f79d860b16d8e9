package ai.massrouter.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * GitHub (OAuth app): code exchange at {@code /login/oauth/access_token} (with PKCE, which GitHub
 * accepts), then {@code GET /user}. Subject: the numeric {@code id} (a login can be renamed).
 * The profile's public {@code email} counts as verified: GitHub lets a user publish only a
 * verified address.
 */
@Component
class GitHubProvider extends StandardOAuth2Provider {

    GitHubProvider(ProviderHttp http) {
        super(http, true, false);
    }

    @Override
    public String name() {
        return "github";
    }

    @Override
    ExternalProfile toProfile(OAuthProperties.Provider settings, JsonNode user) {
        return new ExternalProfile(name(), text(user, "id"), text(user, "email"), text(user, "login"),
                text(user, "avatar_url"));
    }
}
