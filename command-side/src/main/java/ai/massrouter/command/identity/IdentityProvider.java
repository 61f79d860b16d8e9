package ai.massrouter.command.identity;

import java.net.URI;

/**
 * One sign-in provider's protocol: where to send the browser, and how to turn the code that
 * comes back into the person's identity. One implementation per provider, each a Spring bean.
 */
public interface IdentityProvider {

    /** The name in routes, events and variables: {@code github}, {@code wechat}, ... */
    String name();

    /** Whether the authorization request carries a PKCE challenge (and the token request its verifier). */
    boolean usesPkce();

    default boolean isConfigured(OAuthProperties.Provider settings) {
        return settings != null && settings.hasCredentials();
    }

    URI authorizationUri(OAuthProperties.Provider settings, URI redirectUri, String state, String codeVerifier);

    /** Exchanges the code and reads the user; provider failures are DomainExceptions (see {@link ProviderFailures}). */
    ExternalProfile profile(OAuthProperties.Provider settings, URI redirectUri, String code, String codeVerifier);
}
