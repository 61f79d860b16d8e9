package ai.massrouter.command.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The HTTP side of every provider, through Nimbus' OAuth 2.0 SDK: the standard authorization
 * request (with PKCE), the standard code exchange, and the JSON calls of the providers that
 * speak their own dialect (WeChat, Feishu). One timeout for all; a provider that does not
 * answer or answers nonsense ends in a clear error.
 */
@Component
class ProviderHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int timeoutMillis;

    ProviderHttp(OAuthProperties properties) {
        this.timeoutMillis = (int) properties.httpTimeout().toMillis();
    }

    /** RFC 6749 section 4.1.1, plus RFC 7636's S256 challenge when {@code codeVerifier} is given. */
    URI standardAuthorizationUri(OAuthProperties.Provider settings, URI redirectUri, String state, String codeVerifier) {
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(ResponseType.CODE,
                new ClientID(settings.clientId()))
                .endpointURI(URI.create(settings.authorizationUri()))
                .redirectionURI(redirectUri)
                .state(new State(state));
        if (OAuthProperties.set(settings.scope())) {
            request.scope(Scope.parse(settings.scope()));
        }
        if (codeVerifier != null) {
            request.codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256);
        }
        return request.build().toURI();
    }

    /**
     * RFC 6749 section 4.1.3: the code (and PKCE verifier) for an access token. {@code basicAuth}
     * sends the client secret as HTTP Basic ({@code client_secret_basic}), else in the form.
     */
    AccessToken exchangeCode(String provider, OAuthProperties.Provider settings, URI redirectUri, String code,
                             String codeVerifier, boolean basicAuth) {
        ClientID clientId = new ClientID(settings.clientId());
        Secret secret = new Secret(settings.clientSecret());
        ClientAuthentication auth = basicAuth ? new ClientSecretBasic(clientId, secret) : new ClientSecretPost(clientId, secret);
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                codeVerifier == null ? null : new CodeVerifier(codeVerifier));
        HTTPRequest request = new TokenRequest(URI.create(settings.tokenUri()), auth, grant, null).toHTTPRequest();
        request.setAccept(ContentType.APPLICATION_JSON.toString());
        HTTPResponse response = send(provider, request);
        try {
            TokenResponse parsed = TokenResponse.parse(response);
            if (!parsed.indicatesSuccess()) {
                String error = parsed.toErrorResponse().getErrorObject().getCode();
                throw ProviderFailures.refused(provider, error == null ? "token request refused" : error);
            }
            return parsed.toSuccessResponse().getTokens().getAccessToken();
        } catch (ParseException e) {
            // GitHub answers errors with status 200 and {"error": ...}
            JsonNode body = json(provider, response);
            if (body.hasNonNull("error")) {
                throw ProviderFailures.refused(provider, body.get("error").asText());
            }
            throw ProviderFailures.badAnswer(provider, "not a token response");
        }
    }

    /** GET with an optional bearer token; the answer must be a JSON object. */
    JsonNode getJson(String provider, URI uri, String bearer) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, uri);
        if (bearer != null) {
            request.setAuthorization("Bearer " + bearer);
        }
        return expectOk(provider, send(provider, request));
    }

    /** POST of a JSON body with an optional bearer token; the answer must be a JSON object. */
    JsonNode postJson(String provider, URI uri, String bearer, Map<String, ?> body) {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, uri);
        request.setHeader("Content-Type", "application/json; charset=utf-8");
        if (bearer != null) {
            request.setAuthorization("Bearer " + bearer);
        }
        try {
            request.setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return expectOk(provider, send(provider, request));
    }

    private JsonNode expectOk(String provider, HTTPResponse response) {
        if (response.getStatusCode() == 401 || response.getStatusCode() == 403) {
            throw ProviderFailures.refused(provider, "access token refused (HTTP " + response.getStatusCode() + ")");
        }
        if (!response.indicatesSuccess()) {
            // Feishu and others explain a refusal in a JSON body with a 4xx status
            JsonNode body = response.getStatusCode() < 500 ? jsonOrNull(response) : null;
            String reason = body == null ? null : firstText(body, "error", "msg", "errmsg", "message");
            if (reason != null) {
                throw ProviderFailures.refused(provider, reason);
            }
            throw ProviderFailures.badAnswer(provider, "HTTP " + response.getStatusCode());
        }
        return json(provider, response);
    }

    private HTTPResponse send(String provider, HTTPRequest request) {
        request.setConnectTimeout(timeoutMillis);
        request.setReadTimeout(timeoutMillis);
        request.setHeader("User-Agent", "MassRouter");
        if (request.getAccept() == null) {
            request.setAccept("application/json");
        }
        try {
            return request.send();
        } catch (IOException e) {
            throw ProviderFailures.unreachable(provider);
        }
    }

    private static JsonNode jsonOrNull(HTTPResponse response) {
        try {
            return response.getBody() == null ? null : JSON.readTree(response.getBody());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            if (text(node, field) != null) {
                return text(node, field);
            }
        }
        return null;
    }

    private static JsonNode json(String provider, HTTPResponse response) {
        try {
            String content = response.getBody();
            JsonNode node = content == null ? null : JSON.readTree(content);
            if (node == null || !node.isObject()) {
                throw ProviderFailures.badAnswer(provider, "not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProviderFailures.badAnswer(provider, "not JSON");
        }
    }

    /** The text at a dotted path ({@code data.open_id}), or null. */
    static String text(JsonNode node, String path) {
        JsonNode at = node;
        for (String part : path.split("\\.")) {
            at = at == null ? null : at.get(part);
        }
        return at == null || at.isNull() || at.isContainerNode() || at.asText().isBlank() ? null : at.asText();
    }
}
