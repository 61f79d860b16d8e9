package ai.massrouter.app.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A non-streaming call whose client hangs up while the upstream still works is cancelled upstream
 * (the gateway closes that connection) and charged as a stream would be: here its prompt estimate,
 * the upstream having reported nothing.
 */
class GatewayCancellationIT extends GatewayIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A call that outlasts the grace period gets its status (200) and keep-alive spaces early: a
     * success is the usual JSON after the spaces, a failure is told in the body in OpenAI's shape.
     */
    @Test
    void slowNonStreamingCall_staysWhole_afterKeepAliveSpaces_andAFailureIsToldInTheBody() {
        Consumer consumer = consumer("10.00");
        String ok = model("1.00", "1.00", "local-a", "late-ok");
        String failing = model("1.00", "1.00", "local-a", "late-500");

        var answered = post(consumer.key(), chat(ok));
        var failed = post(consumer.key(), chat(failing));

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.raw()).startsWith(" ");
        assertThat(answered.json().path("choices").path(0).path("message").path("content").asText())
                .isEqualTo(LocalOpenAiServer.REPLY);
        charge(consumer, answered.header("X-Request-Id"));
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.json().path("error").path("code").asText()).isEqualTo("UPSTREAM_001");
        assertThat(failed.json().path("error").path("message").asText()).contains("upstream exploded late");
        assertThat(generation(consumer, failed.header("X-Request-Id")).path("outcome").asText()).isEqualTo("failed");
    }

    @Test
    void nonStreamingCall_whoseClientLeaves_isCancelledUpstream_andChargedItsPromptEstimate() throws Exception {
        Consumer consumer = consumer("10.00");
        String model = model("1000.00", "1000.00", "local-a", "slow-json");
        LocalOpenAiServer.SlowStream slow = new LocalOpenAiServer.SlowStream();
        OPENAI.slowStream = slow;
        int before = OPENAI.calls("slow-json");
        byte[] body = JSON.writeValueAsBytes(Map.of("model", model, "max_tokens", 100,
                "messages", List.of(Map.of("role", "user", "content", "take your time"))));

        String requestId = null;
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + consumer.key()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> OPENAI.calls("slow-json") == before + 1);
            // the gateway commits 200 with its first keep-alive space, after keep-alive-after (3 s here)
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 ");
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase(Locale.ROOT).startsWith("x-request-id:")) {
                    requestId = line.substring(line.indexOf(':') + 1).strip();
                }
            }
        }
        slow.clientGone.countDown();

        assertThat(requestId).startsWith("chatcmpl-");
        assertThat(slow.finished.await(15, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.hungUpAfter.get()).as("the upstream connection was closed before the answer was whole")
                .isBetween(0, 199);
        // 3 + 4 + "user" (1) + "take your time" (14 characters: 4) = 12 prompt tokens, no completion
        JsonNode charge = charge(consumer, requestId);
        assertThat(charge.path("prompt_tokens").asLong()).isEqualTo(12);
        assertThat(charge.path("completion_tokens").asLong()).isZero();
        assertThat(charge.path("amount").decimalValue()).isEqualByComparingTo(cost("1000.00", 12, "1000.00", 0).negate());
        JsonNode generation = generation(consumer, requestId);
        assertThat(generation.path("cancelled").asBoolean()).isTrue();
        assertThat(generation.path("outcome").asText()).isEqualTo("cancelled");
        assertThat(settledBalance(consumer).path("available").decimalValue())
                .isEqualByComparingTo(new java.math.BigDecimal("10.00").subtract(cost("1000.00", 12, "1000.00", 0)));
    }
}
