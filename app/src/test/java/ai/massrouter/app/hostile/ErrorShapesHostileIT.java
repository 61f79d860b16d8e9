package ai.massrouter.app.hostile;

import ai.massrouter.app.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 9: errors that escaped the envelope. Tomcat answered a bad path encoding and an
 * oversized header with its HTML page, CORS refused in plain text, {@code GET /error} was a 500.
 * Every one now leaves as JSON: the envelope on {@code /api/v1} (and elsewhere), OpenAI's shape on {@code /v1}.
 */
class ErrorShapesHostileIT extends HostileIT {

    private RawHttp.Reply get(String target, String... headers) {
        return raw().exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close"
                + (headers.length == 0 ? "" : "\r\n" + String.join("\r\n", headers)), null);
    }

    @Test
    void encodedSlashInThePath_is400InTheEnvelope_notTomcatsHtml() {
        RawHttp.Reply reply = get("/api/v1/models/openai%2Fgpt-4o-mini");

        assertEnvelopeError(reply, 400, "ERR_001");
        assertThat(reply.body()).doesNotContain("<html").doesNotContain("Tomcat");
    }

    @Test
    void encodedSlashOnTheGateway_is400InOpenAisShape() {
        assertOpenAiError(get("/v1/models/openai%2Fgpt-4o-mini"), 400, "ERR_001", "invalid_request_error");
    }

    @Test
    void encodedNulInThePath_is400InTheEnvelope() {
        assertEnvelopeError(get("/api/v1/models/mock%00echo"), 400, "ERR_001");
        assertOpenAiError(get("/v1/models/mock%00echo"), 400, "ERR_001", "invalid_request_error");
    }

    @Test
    void twentyKilobyteAuthorizationHeader_isAnsweredInTheEnvelope() {
        RawHttp.Reply reply = get("/api/v1/users/me", "Authorization: Bearer " + "a".repeat(20 * 1024));

        assertThat(reply.status()).as(reply.toString()).isIn(400, 431);
        assertEnvelopeError(reply, reply.status(), "ERR_001");
        assertThat(reply.body()).doesNotContain("<html");
    }

    @Test
    void pathTheFirewallRefuses_is400InTheEnvelope() {
        assertEnvelopeError(get("/api/v1/models;jsessionid=x"), 400, "ERR_001");
        assertEnvelopeError(get("/api/v1//models"), 400, "ERR_001");
        assertEnvelopeError(get("/api/v1/admin/../models"), 400, "ERR_001");
    }

    @Test
    void corsPreflightFromAnUnknownOrigin_is403InTheEnvelope_notPlainText() {
        Response preflight = api.send("OPTIONS", "/api/v1/auth/login", null, null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));

        assertEnvelopeError(preflight, 403, "ERR_003");
        assertThat(preflight.json().path("error").path("details").path("origin").asText()).isEqualTo("https://evil.example");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void corsFromAnUnknownOrigin_onTheGateway_isRefusedInOpenAisShape_andAnAllowedOriginPasses() {
        Response refused = api.send("OPTIONS", "/v1/chat/completions", null, null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").path("code").asText()).isEqualTo("ERR_003");
        assertThat(refused.json().path("error").path("type").asText()).isEqualTo("permission_error");

        Response allowed = api.send("OPTIONS", "/api/v1/auth/login", null, null, Map.of("Origin", ALLOWED_ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
    }

    @Test
    void getError_isA404InTheEnvelope_notA500() {
        assertEnvelopeError(api.get("/error", null), 404, "ERR_004");
        assertEnvelopeError(api.post("/error", "{}", null), 404, "ERR_004");
    }
}
