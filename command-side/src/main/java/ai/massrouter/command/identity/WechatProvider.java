package ai.massrouter.command.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;

/**
 * WeChat website login (QR code, open.weixin.qq.com): the browser goes to {@code connect/qrconnect}
 * with {@code appid}, {@code scope=snsapi_login} and the fragment {@code #wechat_redirect}; the
 * code is exchanged by {@code GET sns/oauth2/access_token?appid&secret&code&grant_type}, which
 * answers {@code access_token} and {@code openid} (errors as {@code errcode}/{@code errmsg},
 * with HTTP 200); then {@code GET sns/userinfo?access_token&openid}. Subject: {@code unionid}
 * (the same person across the developer's apps) else {@code openid}. No PKCE, no e-mail.
 */
@Component
class WechatProvider implements IdentityProvider {

    private final ProviderHttp http;

    WechatProvider(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public String name() {
        return "wechat";
    }

    @Override
    public boolean usesPkce() {
        return false;
    }

    @Override
    public URI authorizationUri(OAuthProperties.Provider settings, URI redirectUri, String state, String codeVerifier) {
        return UriComponentsBuilder.fromUriString(settings.authorizationUri())
                .queryParam("appid", settings.clientId())
                .queryParam("redirect_uri", redirectUri.toString())
                .queryParam("response_type", "code")
                .queryParam("scope", OAuthProperties.set(settings.scope()) ? settings.scope() : "snsapi_login")
                .queryParam("state", state)
                .fragment("wechat_redirect")
                .encode().build().toUri();
    }

    @Override
    public ExternalProfile profile(OAuthProperties.Provider settings, URI redirectUri, String code, String codeVerifier) {
        JsonNode token = ensureOk(http.getJson(name(), UriComponentsBuilder.fromUriString(settings.tokenUri())
                .queryParam("appid", settings.clientId())
                .queryParam("secret", settings.clientSecret())
                .queryParam("code", code)
                .queryParam("grant_type", "authorization_code")
                .encode().build().toUri(), null));
        String accessToken = ProviderHttp.text(token, "access_token");
        String openId = ProviderHttp.text(token, "openid");
        if (accessToken == null || openId == null) {
            throw ProviderFailures.badAnswer(name(), "no access_token or openid");
        }
        JsonNode user = ensureOk(http.getJson(name(), UriComponentsBuilder.fromUriString(settings.userInfoUri())
                .queryParam("access_token", accessToken)
                .queryParam("openid", openId)
                .encode().build().toUri(), null));
        String unionId = ProviderHttp.text(user, "unionid") != null ? ProviderHttp.text(user, "unionid")
                : ProviderHttp.text(token, "unionid");
        return new ExternalProfile(name(), unionId != null ? unionId : openId, null,
                ProviderHttp.text(user, "nickname"), ProviderHttp.text(user, "headimgurl"));
    }

    private JsonNode ensureOk(JsonNode answer) {
        if (answer.path("errcode").asInt(0) != 0) {
            throw ProviderFailures.refused(name(), "errcode " + answer.path("errcode").asInt() + " "
                    + answer.path("errmsg").asText(""));
        }
        return answer;
    }
}
