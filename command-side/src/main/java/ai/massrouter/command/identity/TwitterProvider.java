package ai.massrouter.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * X (Twitter) OAuth 2.0 with PKCE (required by X): scope {@code users.read tweet.read}, the code
 * exchange at {@code /2/oauth2/token} with the client secret as HTTP Basic (confidential client),
 * then {@code GET /2/users/me}, whose answer is {@code {"data":{"id","name","username"}}}.
 * Subject: {@code data.id}. X gives no e-mail here.
 */
@Component
class TwitterProvider extends StandardOAuth2Provider {

    TwitterProvider(ProviderHttp http) {
        super(http, true, true);
    }

    @Override
    public String name() {
        return "twitter";
    }

    @Override
    ExternalProfile toProfile(OAuthProperties.Provider settings, JsonNode user) {
        return new ExternalProfile(name(), text(user, "data.id"), null, text(user, "data.username"),
                text(user, "data.profile_image_url"));
    }
}
