package ai.massrouter.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * Google (OpenID Connect): scope {@code openid email profile}, PKCE, client secret as HTTP Basic;
 * the person comes from the UserInfo endpoint, read with the access token over TLS. Subject:
 * {@code sub}; the e-mail only when {@code email_verified} is true.
 */
@Component
class GoogleProvider extends StandardOAuth2Provider {

    GoogleProvider(ProviderHttp http) {
        super(http, true, true);
    }

    @Override
    public String name() {
        return "google";
    }

    @Override
    ExternalProfile toProfile(OAuthProperties.Provider settings, JsonNode user) {
        boolean verified = user.path("email_verified").asBoolean(false);
        String name = text(user, "given_name") != null ? text(user, "given_name") : text(user, "name");
        return new ExternalProfile(name(), text(user, "sub"), verified ? text(user, "email") : null, name,
                text(user, "picture"));
    }
}
