package ai.massrouter.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/**
 * Xiaohongshu (RED). No public protocol for signing users in to a third-party website could be
 * found from here (its open platform documents a merchant authorization, not a user login), so
 * this adapter is a standard OAuth 2.0 code flow with everything configurable: the three
 * endpoints (no defaults: the provider is offered only when they are set), the scope, and where
 * the user-info answer puts the person's id, name and avatar ({@code subject-field},
 * {@code name-field}, {@code avatar-field}, dotted paths). No e-mail is taken from it. See README.
 */
@Component
class XiaohongshuProvider extends StandardOAuth2Provider {

    XiaohongshuProvider(ProviderHttp http) {
        super(http, false, false);
    }

    @Override
    public String name() {
        return "xiaohongshu";
    }

    @Override
    public boolean isConfigured(OAuthProperties.Provider settings) {
        return super.isConfigured(settings) && OAuthProperties.set(settings.authorizationUri())
                && OAuthProperties.set(settings.tokenUri()) && OAuthProperties.set(settings.userInfoUri());
    }

    @Override
    ExternalProfile toProfile(OAuthProperties.Provider settings, JsonNode user) {
        return new ExternalProfile(name(), text(user, orDefault(settings.subjectField(), "open_id")), null,
                text(user, orDefault(settings.nameField(), "nickname")),
                text(user, orDefault(settings.avatarField(), "avatar")));
    }

    private static String orDefault(String field, String fallback) {
        return OAuthProperties.set(field) ? field : fallback;
    }
}
