package ai.massrouter.app.hostile;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 6 (sizes): 10-50 MB bodies were read whole on anonymous {@code /auth/login} and
 * on the webhooks. A body announced over its surface's limit (1 MiB on {@code /api/v1}, 20 MiB on
 * {@code /v1}) is answered 413 while the client is still sending it; a chunked body is cut at the limit.
 */
class BodyLimitsHostileIT extends HostileIT {

    private static final int MIB = 1024 * 1024;

    /** Announces {@code announced} bytes but sends only the first 64 KiB, then waits for the answer. */
    private RawHttp.Reply announce(String path, long announced, String contentType) {
        byte[] start = new byte[64 * 1024];
        Arrays.fill(start, (byte) 'a');
        return raw().exchange("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + announced, start);
    }

    @Test
    void anonymousLogin_announcingTenMegabytes_is413InTheEnvelope_beforeTheBodyArrives() {
        RawHttp.Reply reply = announce("/api/v1/auth/login", 10L * 1000 * 1000 + 1, "application/json");

        assertEnvelopeError(reply, 413, "SIZE_001");
        assertThat(reply.json().path("error").path("details").path("body").asText()).contains(Long.toString(MIB));
    }

    @Test
    void paymentWebhooks_announcingTwoMegabytes_are413_withoutASignatureCheck() {
        for (String provider : new String[]{"stripe", "wechat_pay"}) {
            assertEnvelopeError(announce("/api/v1/billing/webhooks/" + provider, 2L * MIB, "application/json"),
                    413, "SIZE_001");
        }
        assertEnvelopeError(announce("/api/v1/billing/webhooks/alipay", 2L * MIB, "application/x-www-form-urlencoded"),
                413, "SIZE_001");
    }

    @Test
    void chunkedLogin_withoutContentLength_isCutAtTheLimit_with413() {
        byte[] field = ("{\"email\":\"" + "a".repeat(MIB + MIB / 2) + "@example.com\",\"password\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int offset = 0; offset < field.length; offset += 8192) {
            int size = Math.min(8192, field.length - offset);
            chunked.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(field, offset, size);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        RawHttp.Reply reply = raw().exchange("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked", chunked.toByteArray());

        assertEnvelopeError(reply, 413, "SIZE_001");
    }

    @Test
    void chunkedBody_withAnIdempotencyKey_isCutAtTheLimitToo() {
        String jwt = registerAndGetToken();
        byte[] body = ("{\"amount\":1,\"currency\":\"CNY\",\"payment_method\":\"" + "x".repeat(MIB + 10) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/billing/payments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + jwt + "\r\nIdempotency-Key: big-1\r\nTransfer-Encoding: chunked";
        byte[] chunk = (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.writeBytes(chunk);
        chunked.writeBytes(body);
        chunked.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertEnvelopeError(raw().exchange(head, chunked.toByteArray()), 413, "SIZE_001");
    }

    @Test
    void gatewayBody_overItsLimit_is413InOpenAisShape() {
        RawHttp.Reply reply = announce("/v1/chat/completions", 20L * MIB + 1, "application/json");

        assertOpenAiError(reply, 413, "SIZE_001", "invalid_request_error");
    }

    @Test
    void gatewayBody_overTheApiLimitButUnderItsOwn_isRead() {
        String key = createKey(registerAndGetToken(), Map.of()).path("key").asText();
        String prompt = "{\"model\":\"mock/echo\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\""
                + "a".repeat(2 * MIB) + "\"}]}";

        var response = api.post("/v1/chat/completions", prompt, key);

        assertThat(response.status()).as(response.toString()).isNotEqualTo(413);
        assertThat(response.raw()).doesNotContain("SIZE_001");
    }
}
