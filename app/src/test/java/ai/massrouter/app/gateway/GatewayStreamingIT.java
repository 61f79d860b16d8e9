package ai.massrouter.app.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Streamed calls: server-sent events ending in [DONE], the usage chunk, fallback and a client that leaves. */
class GatewayStreamingIT extends GatewayIT {

    @Test
    void streamingCall_withIncludeUsage_endsWithTheUsageChunk_andChargesExactly() {
        Consumer consumer = consumer("10.00");
        String model = model("3.00", "15.00", "dead", "ok", "local-a", "ok");

        SseClient.Stream stream = new SseClient(port).post(consumer.key(), chat(model, "stream", true,
                "stream_options", Map.of("include_usage", true)));

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        assertThat(stream.data()).last().isEqualTo("[DONE]");
        assertThat(stream.text()).isEqualTo(LocalOpenAiServer.REPLY);
        List<JsonNode> chunks = stream.chunks();
        chunks.forEach(c -> {
            assertThat(c.path("id").asText()).isEqualTo(stream.requestId());
            assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(c.path("model").asText()).isEqualTo(model);
        });
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.path("usage").path("completion_tokens").asLong()).isEqualTo(LocalOpenAiServer.COMPLETION_TOKENS);
        assertThat(chunks.get(chunks.size() - 2).path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");

        BigDecimal expected = cost("3.00", LocalOpenAiServer.PROMPT_TOKENS, "15.00", LocalOpenAiServer.COMPLETION_TOKENS);
        assertThat(charge(consumer, stream.requestId()).path("amount").decimalValue())
                .isEqualByComparingTo(expected.negate());
        assertThat(settledBalance(consumer).path("available").decimalValue())
                .isEqualByComparingTo(new BigDecimal("10.00").subtract(expected));
    }

    @Test
    void streamingCall_withoutIncludeUsage_hasNoUsageChunk_butIsChargedAtTheUpstreamsCount() {
        Consumer consumer = consumer("10.00");
        String model = model("3.00", "15.00", "local-a", "fail500", "local-b", "ok");

        SseClient.Stream stream = new SseClient(port).post(consumer.key(), chat(model, "stream", true));

        assertThat(stream.data()).last().isEqualTo("[DONE]");
        assertThat(stream.chunks()).allSatisfy(c -> assertThat(c.path("choices")).isNotEmpty());
        JsonNode upstream = OPENAI.requests.get(OPENAI.requests.size() - 1);
        assertThat(upstream.path("stream_options").path("include_usage").asBoolean()).isTrue();
        BigDecimal expected = cost("3.00", LocalOpenAiServer.PROMPT_TOKENS, "15.00", LocalOpenAiServer.COMPLETION_TOKENS);
        assertThat(charge(consumer, stream.requestId()).path("amount").decimalValue())
                .isEqualByComparingTo(expected.negate());
    }

    @Test
    void upstreamSilentBeforeTheFirstChunk_fallsBack_silentAfterIt_endsWithAnErrorEvent() {
        Consumer consumer = consumer("10.00");
        String fallback = model("1.00", "1.00", "local-a", "stall-first", "local-b", "ok");
        String stalling = model("1000.00", "2000.00", "local-a", "stall");

        SseClient.Stream served = new SseClient(port).post(consumer.key(), chat(fallback, "stream", true));
        SseClient.Stream cut = new SseClient(port).post(consumer.key(), Map.of("model", stalling, "stream", true,
                "max_tokens", 100, "messages", List.of(Map.of("role", "user", "content", "stream slowly"))));

        assertThat(served.text()).isEqualTo(LocalOpenAiServer.REPLY);
        assertEndedAfterTwoChunks_andChargedForThem(consumer, cut);
    }

    /** A stream that ends without [DONE] or a finish reason was cut off (a proxy's timeout, say), not finished. */
    @Test
    void upstreamEndingEarlyBeforeTheFirstChunk_fallsBack_afterIt_endsWithAnErrorEvent() {
        Consumer consumer = consumer("10.00");
        String fallback = model("1.00", "1.00", "local-a", "cut-first", "local-b", "ok");
        String cutting = model("1000.00", "2000.00", "local-a", "cut");

        SseClient.Stream served = new SseClient(port).post(consumer.key(), chat(fallback, "stream", true));
        SseClient.Stream cut = new SseClient(port).post(consumer.key(), Map.of("model", cutting, "stream", true,
                "max_tokens", 100, "messages", List.of(Map.of("role", "user", "content", "stream slowly"))));

        assertThat(served.text()).isEqualTo(LocalOpenAiServer.REPLY);
        assertThat(served.data()).last().isEqualTo("[DONE]");
        assertEndedAfterTwoChunks_andChargedForThem(consumer, cut);
    }

    /** An error event with a server-side code before the first token is an upstream failure like a 5xx. */
    @Test
    void serverErrorEventBeforeTheFirstToken_fallsBack() {
        Consumer consumer = consumer("10.00");
        String model = model("1.00", "1.00", "local-a", "error-first", "local-b", "ok");

        SseClient.Stream stream = new SseClient(port).post(consumer.key(), chat(model, "stream", true));

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.text()).isEqualTo(LocalOpenAiServer.REPLY);
        assertThat(stream.data()).last().isEqualTo("[DONE]");
    }

    /** The role chunk carries no token: a failure right after it may still fall back (OpenAI-compatible and Anthropic). */
    @Test
    void failureAfterTheRoleChunkAlone_fallsBack() {
        Consumer consumer = consumer("10.00");
        String openAi = model("1.00", "1.00", "local-a", "cut-after-role", "local-b", "ok");
        String anthropic = model("1.00", "1.00", "local-claude", "overloaded-mid", "local-claude", "claude-test");

        SseClient.Stream fromOpenAi = new SseClient(port).post(consumer.key(), chat(openAi, "stream", true));
        SseClient.Stream fromAnthropic = new SseClient(port).post(consumer.key(), chat(anthropic, "stream", true));

        assertThat(fromOpenAi.text()).isEqualTo(LocalOpenAiServer.REPLY);
        assertThat(fromOpenAi.data()).last().isEqualTo("[DONE]");
        assertThat(fromOpenAi.chunks()).allSatisfy(c -> assertThat(c.has("error")).isFalse());
        assertThat(fromAnthropic.text()).isEqualTo(String.join("", LocalAnthropicServer.PIECES));
        assertThat(fromAnthropic.data()).last().isEqualTo("[DONE]");
        assertThat(fromAnthropic.chunks()).allSatisfy(c -> assertThat(c.has("error")).isFalse());
        assertThat(charge(consumer, fromAnthropic.requestId()).path("completion_tokens").asLong())
                .isEqualTo(LocalAnthropicServer.OUTPUT_TOKENS);
    }

    /**
     * The client reads three 1-token chunks ("abcd") and hangs up. The gateway must stop the
     * upstream and charge the prompt estimate plus what it delivered: 12 prompt tokens for
     * [user: "stream slowly"] (3 + 4 + "user" 1 + "stream slowly" 4), and a few completion
     * tokens, far fewer than the 500 the upstream would have sent.
     */
    @Test
    void clientDisconnectMidStream_chargesOnlyWhatWasStreamed_andStopsTheUpstream() throws Exception {
        Consumer consumer = consumer("10.00");
        String model = model("1000.00", "2000.00", "local-a", "slow");
        LocalOpenAiServer.SlowStream slow = new LocalOpenAiServer.SlowStream();
        OPENAI.slowStream = slow;
        String requestId;
        try (InFlightCall call = InFlightCall.open(port, consumer.key(), model)) {
            requestId = call.requestId;
        }
        slow.clientGone.countDown();
        assertThat(slow.finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.hungUpAfter.get()).as("the upstream connection was closed early")
                .isBetween(3, LocalOpenAiServer.SLOW_CHUNKS_MAX - 1);

        JsonNode charge = charge(consumer, requestId);
        long completion = charge.path("completion_tokens").asLong();
        assertThat(charge.path("prompt_tokens").asLong()).isEqualTo(12);
        assertThat(completion).isBetween(3L, 6L);
        assertThat(charge.path("amount").decimalValue())
                .isEqualByComparingTo(cost("1000.00", 12, "2000.00", completion).negate());
        assertThat(settledBalance(consumer).path("available").decimalValue())
                .isEqualByComparingTo(new BigDecimal("10.00").subtract(cost("1000.00", 12, "2000.00", completion)));
    }

    /** The stream of the {@code cut} upstream: two 1-token chunks, then the error event, charged for what was delivered. */
    private void assertEndedAfterTwoChunks_andChargedForThem(Consumer consumer, SseClient.Stream cut) {
        assertThat(cut.text()).isEqualTo("abcdabcd");
        assertThat(cut.data()).doesNotContain("[DONE]");
        assertThat(cut.chunks().get(cut.chunks().size() - 1).path("error").path("code").asText())
                .isEqualTo("UPSTREAM_001");
        // the prompt estimate (12) and the two delivered tokens
        JsonNode charge = charge(consumer, cut.requestId());
        assertThat(charge.path("completion_tokens").asLong()).isEqualTo(2);
        assertThat(charge.path("amount").decimalValue()).isEqualByComparingTo(cost("1000.00", 12, "2000.00", 2).negate());
    }
}
