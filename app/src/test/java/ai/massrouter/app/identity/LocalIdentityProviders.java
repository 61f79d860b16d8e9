package ai.massrouter.app.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * One loopback server that speaks the token and user-info endpoints of GitHub, WeChat (website
 * login), Feishu (app token, user token, user info), X (Twitter, PKCE and HTTP Basic), Facebook
 * and a generic OAuth 2.0 provider (for Xiaohongshu), as their documentation describes them.
 * A test plays the user's consent: {@link #consent} issues a code bound to the PKCE challenge
 * and the redirect URI of the authorization request, and the person the provider will report.
 * Each code works once, as at the real providers.
 */
final class LocalIdentityProviders implements AutoCloseable {

    static final String CLIENT_ID = "mr-client";
    static final String CLIENT_SECRET = "mr-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();

    private record Grant(String provider, String challenge, String redirectUri, Map<String, Object> user) {
    }

    LocalIdentityProviders() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/github/login/oauth/access_token", this::githubToken);
        server.createContext("/github/user", e -> userInfo(e, "github", u -> u));
        server.createContext("/wechat/sns/oauth2/access_token", this::wechatToken);
        server.createContext("/wechat/sns/userinfo", this::wechatUser);
        server.createContext("/feishu/auth/v3/app_access_token/internal", this::feishuAppToken);
        server.createContext("/feishu/authen/v1/oidc/access_token", this::feishuUserToken);
        server.createContext("/feishu/authen/v1/user_info", e -> userInfo(e, "feishu",
                u -> Map.of("code", 0, "msg", "success", "data", u)));
        server.createContext("/twitter/2/oauth2/token", e -> standardToken(e, "twitter", true, true));
        server.createContext("/twitter/2/users/me", e -> userInfo(e, "twitter", u -> Map.of("data", u)));
        server.createContext("/facebook/oauth/access_token", e -> standardToken(e, "facebook", false, false));
        server.createContext("/facebook/me", e -> userInfo(e, "facebook", u -> u));
        server.createContext("/xhs/oauth/token", e -> standardToken(e, "xiaohongshu", false, false));
        server.createContext("/xhs/user/info", e -> userInfo(e, "xiaohongshu", u -> Map.of("success", true, "data", u)));
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The person consents on the provider's page: returns the code the provider sends back. */
    String consent(String provider, String codeChallenge, String redirectUri, Map<String, Object> user) {
        String code = provider + "-code-" + UUID.randomUUID();
        codes.put(code, new Grant(provider, codeChallenge, redirectUri, user));
        return code;
    }

    /** The provider stops answering (its connections are dropped) until {@link #restore}. */
    void takeDown(String provider) {
        down.add(provider);
    }

    void restore(String provider) {
        down.remove(provider);
    }

    // GitHub: form POST, Accept: application/json; errors as 200 {"error": ...}
    private void githubToken(HttpExchange exchange) throws IOException {
        if (dropIfDown(exchange, "github")) {
            return;
        }
        Map<String, String> form = form(exchange);
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            json(exchange, 200, Map.of("error", "incorrect_client_credentials"));
            return;
        }
        Grant grant = redeem("github", form.get("code"), form.get("redirect_uri"), form.get("code_verifier"));
        if (grant == null) {
            json(exchange, 200, Map.of("error", "bad_verification_code",
                    "error_description", "The code passed is incorrect or expired."));
            return;
        }
        json(exchange, 200, Map.of("access_token", token(grant), "token_type", "bearer", "scope", "read:user,user:email"));
    }

    /** RFC 6749 token endpoint (X: HTTP Basic and PKCE required; others: secret in the form). */
    private void standardToken(HttpExchange exchange, String provider, boolean basic, boolean pkceRequired)
            throws IOException {
        if (dropIfDown(exchange, provider)) {
            return;
        }
        Map<String, String> form = form(exchange);
        String expectedBasic = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        boolean clientOk = basic ? expectedBasic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                : CLIENT_ID.equals(form.get("client_id")) && CLIENT_SECRET.equals(form.get("client_secret"));
        if (!clientOk) {
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        if (!"authorization_code".equals(form.get("grant_type"))
                || (pkceRequired && form.get("code_verifier") == null)) {
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        Grant grant = redeem(provider, form.get("code"), form.get("redirect_uri"), form.get("code_verifier"));
        if (grant == null) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        json(exchange, 200, Map.of("access_token", token(grant), "token_type", "bearer", "expires_in", 7200));
    }

    // WeChat: GET with appid, secret, code; errors as 200 {"errcode", "errmsg"}; text/plain answers
    private void wechatToken(HttpExchange exchange) throws IOException {
        if (dropIfDown(exchange, "wechat")) {
            return;
        }
        Map<String, String> query = query(exchange);
        if (!CLIENT_ID.equals(query.get("appid")) || !CLIENT_SECRET.equals(query.get("secret"))) {
            text(exchange, Map.of("errcode", 40125, "errmsg", "invalid appsecret"));
            return;
        }
        Grant grant = "authorization_code".equals(query.get("grant_type"))
                ? redeem("wechat", query.get("code"), null, null) : null;
        if (grant == null) {
            text(exchange, Map.of("errcode", 40029, "errmsg", "invalid code"));
            return;
        }
        Map<String, Object> answer = new HashMap<>(Map.of("access_token", token(grant), "expires_in", 7200,
                "refresh_token", "rt", "openid", grant.user().get("openid"), "scope", "snsapi_login"));
        if (grant.user().containsKey("unionid")) {
            answer.put("unionid", grant.user().get("unionid"));
        }
        text(exchange, answer);
    }

    private void wechatUser(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        Grant grant = accessTokens.get(String.valueOf(query.get("access_token")));
        if (grant == null || !String.valueOf(grant.user().get("openid")).equals(query.get("openid"))) {
            text(exchange, Map.of("errcode", 40003, "errmsg", "invalid openid"));
            return;
        }
        text(exchange, grant.user());
    }

    // Feishu: the app token, then the user token with the app token as bearer; {"code": 0} means success
    private void feishuAppToken(HttpExchange exchange) throws IOException {
        if (dropIfDown(exchange, "feishu")) {
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (!CLIENT_ID.equals(body.path("app_id").asText()) || !CLIENT_SECRET.equals(body.path("app_secret").asText())) {
            json(exchange, 200, Map.of("code", 10014, "msg", "app secret invalid"));
            return;
        }
        json(exchange, 200, Map.of("code", 0, "msg", "ok", "app_access_token", "a-app-token", "expire", 7200));
    }

    private void feishuUserToken(HttpExchange exchange) throws IOException {
        if (!"Bearer a-app-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 400, Map.of("code", 99991663, "msg", "invalid app access token"));
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        Grant grant = "authorization_code".equals(body.path("grant_type").asText())
                ? redeem("feishu", body.path("code").asText(), null, null) : null;
        if (grant == null) {
            json(exchange, 400, Map.of("code", 20003, "msg", "invalid code"));
            return;
        }
        json(exchange, 200, Map.of("code", 0, "msg", "success", "data", Map.of("access_token", token(grant),
                "token_type", "Bearer", "expires_in", 6900, "refresh_token", "ur-x")));
    }

    private interface Shape {
        Object of(Map<String, Object> user);
    }

    private void userInfo(HttpExchange exchange, String provider, Shape shape) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Grant grant = authorization == null ? null : accessTokens.get(authorization.replaceFirst("(?i)^Bearer ", ""));
        if (grant == null || !grant.provider().equals(provider)) {
            json(exchange, 401, Map.of("message", "Bad credentials"));
            return;
        }
        json(exchange, 200, shape.of(grant.user()));
    }

    /** Spends the code; null when unknown, used, another provider's, for another redirect URI, or its PKCE fails. */
    private Grant redeem(String provider, String code, String redirectUri, String verifier) {
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null || !grant.provider().equals(provider)) {
            return null;
        }
        if (redirectUri != null && grant.redirectUri() != null && !grant.redirectUri().equals(redirectUri)) {
            return null;
        }
        if (grant.challenge() != null && (verifier == null || !grant.challenge().equals(s256(verifier)))) {
            return null;
        }
        return grant;
    }

    private String token(Grant grant) {
        String token = "at-" + UUID.randomUUID();
        accessTokens.put(token, grant);
        return token;
    }

    private boolean dropIfDown(HttpExchange exchange, String provider) {
        if (down.contains(provider)) {
            exchange.close();
            return true;
        }
        return false;
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        return decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(HttpExchange exchange) {
        return decode(exchange.getRequestURI().getRawQuery());
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    /** WeChat answers JSON with Content-Type text/plain. */
    private static void text(HttpExchange exchange, Object body) throws IOException {
        send(exchange, 200, "text/plain", JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
