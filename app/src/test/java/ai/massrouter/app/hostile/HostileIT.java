package ai.massrouter.app.hostile;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the hostile-client tests: an ordinary account and its API keys against the platform
 * started as in the README, over real HTTP (and a bare socket where Java's client will not send
 * what an attacker would). Same configuration as every {@link PlatformIT}, so one shared context.
 */
abstract class HostileIT extends PlatformIT {

    protected RawHttp raw() {
        return new RawHttp(port);
    }

    /** A key of the token's user, with read and write permission and the given extra fields. */
    protected JsonNode createKey(String jwt, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "k", "permissions", List.of("read", "write")));
        body.putAll(extra);
        Response created = api.post("/api/v1/users/me/api-keys", body, jwt);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data();
    }

    protected static void assertEnvelopeError(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().path("success").asBoolean(true)).as(response.toString()).isFalse();
        assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
    }

    protected static void assertEnvelopeError(RawHttp.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/json");
        assertThat(reply.json().path("success").asBoolean(true)).as(reply.toString()).isFalse();
        assertThat(reply.json().path("error").path("code").asText()).as(reply.toString()).isEqualTo(code);
        assertThat(reply.json().path("timestamp").asText()).as(reply.toString()).isNotEmpty();
    }

    /** OpenAI's error shape, as the {@code /v1} surface answers: {@code {"error":{"message","type","param","code"}}}. */
    protected static void assertOpenAiError(RawHttp.Reply reply, int status, String code, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/json");
        JsonNode error = reply.json().path("error");
        assertThat(error.path("code").asText()).as(reply.toString()).isEqualTo(code);
        assertThat(error.path("type").asText()).as(reply.toString()).isEqualTo(type);
        assertThat(error.path("message").asText()).isNotEmpty();
        assertThat(reply.json().has("success")).as("no envelope on /v1: " + reply).isFalse();
    }
}
