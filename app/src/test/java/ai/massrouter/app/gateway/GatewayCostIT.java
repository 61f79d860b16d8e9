package ai.massrouter.app.gateway;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost of every call, as OpenRouter shows it: {@code usage.cost} equal to what the ledger
 * charged, and {@code GET /api/v1/generations/{id}} with the call's route, tokens, times and ledger
 * entries, for its owner only. Reasoning models: the cap field they take, cached prompt tokens at
 * the cache-read price, reasoning tokens at the output price.
 */
class GatewayCostIT extends GatewayIT {

    @Test
    void nonStreamingCall_showsTheLedgersCharge_andItsGenerationToItsOwnerOnly() {
        Consumer consumer = consumer("10.00");
        String model = model("2.00", "8.00", "local-a", "fail500", "local-b", "ok");

        Response response = post(consumer.key(), chat(model, "max_tokens", 500));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String requestId = response.header("X-Request-Id");
        JsonNode usage = response.json().path("usage");
        BigDecimal charged = charge(consumer, requestId).path("amount").decimalValue().negate();
        assertThat(charged).isEqualByComparingTo(cost("2.00", LocalOpenAiServer.PROMPT_TOKENS, "8.00",
                LocalOpenAiServer.COMPLETION_TOKENS));
        assertThat(usage.path("cost").decimalValue()).isEqualByComparingTo(charged);
        assertThat(usage.path("currency").asText()).isEqualTo("CNY");

        JsonNode generation = generation(consumer, requestId);
        assertThat(generation.path("id").asText()).isEqualTo(requestId);
        assertThat(generation.path("model").asText()).isEqualTo(model);
        assertThat(generation.path("provider").asText()).isEqualTo("local-b");
        assertThat(generation.path("fallbacks")).hasSize(1);
        assertThat(generation.path("fallbacks").path(0).asText()).startsWith("local-a: ").contains("500");
        assertThat(generation.path("usage").path("prompt_tokens").asLong()).isEqualTo(LocalOpenAiServer.PROMPT_TOKENS);
        assertThat(generation.path("usage").path("completion_tokens").asLong())
                .isEqualTo(LocalOpenAiServer.COMPLETION_TOKENS);
        assertThat(generation.path("cost").decimalValue()).isEqualByComparingTo(charged);
        assertThat(generation.path("charged").decimalValue()).isEqualByComparingTo(charged);
        assertThat(generation.path("streamed").asBoolean()).isFalse();
        assertThat(generation.path("cancelled").asBoolean()).isFalse();
        assertThat(generation.path("outcome").asText()).isEqualTo("completed");
        assertThat(generation.path("time_to_first_token_ms").isNull()).isTrue();
        assertThat(generation.path("latency_ms").asLong()).isNotNegative();
        assertThat(kinds(generation)).containsExactly("hold", "settle");
        assertThat(generation.path("ledger_entries").path(1).path("amount").decimalValue()).isEqualByComparingTo(charged);

        Consumer other = consumer(null);
        Response foreign = api.get("/api/v1/generations/" + requestId, other.key());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().path("error").path("code").asText()).isEqualTo("ERR_004");
        assertThat(api.get("/api/v1/generations/" + requestId, other.jwt()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/generations/" + requestId, consumer.jwt()).status()).isEqualTo(200);
    }

    @Test
    void streamedCall_finalUsageChunkCarriesTheCharge_andTheGenerationItsTimeToFirstToken() {
        Consumer consumer = consumer("10.00");
        String model = model("21.60", "108.00", "local-claude", "claude-test");

        SseClient.Stream stream = new SseClient(port).post(consumer.key(), chat(model, "stream", true, "max_tokens", 300,
                "stream_options", Map.of("include_usage", true)));

        List<JsonNode> chunks = stream.chunks();
        JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
        BigDecimal charged = charge(consumer, stream.requestId()).path("amount").decimalValue().negate();
        assertThat(charged).isEqualByComparingTo(cost("21.60", LocalAnthropicServer.INPUT_TOKENS, "108.00",
                LocalAnthropicServer.OUTPUT_TOKENS));
        assertThat(usage.path("cost").decimalValue()).isEqualByComparingTo(charged);
        assertThat(usage.path("currency").asText()).isEqualTo("CNY");

        JsonNode generation = generation(consumer, stream.requestId());
        assertThat(generation.path("provider").asText()).isEqualTo("local-claude");
        assertThat(generation.path("fallbacks")).isEmpty();
        assertThat(generation.path("streamed").asBoolean()).isTrue();
        assertThat(generation.path("time_to_first_token_ms").isIntegralNumber()).as(generation.toString()).isTrue();
        assertThat(generation.path("time_to_first_token_ms").asLong())
                .isBetween(0L, generation.path("latency_ms").asLong());
        assertThat(generation.path("charged").decimalValue()).isEqualByComparingTo(charged);
    }

    @Test
    void failedCall_isAGenerationToo_withItsReleasedHold() {
        Consumer consumer = consumer("5.00");
        String model = model("1.00", "1.00", "local-a", "fail500", "dead", "x");

        Response response = post(consumer.key(), chat(model));

        assertThat(response.status()).isEqualTo(502);
        JsonNode generation = generation(consumer, response.header("X-Request-Id"));
        assertThat(generation.path("outcome").asText()).isEqualTo("failed");
        assertThat(generation.path("provider").isNull()).isTrue();
        assertThat(generation.path("fallbacks")).hasSize(2);
        assertThat(generation.path("charged").decimalValue()).isEqualByComparingTo("0");
        assertThat(kinds(generation)).containsExactly("hold", "release");
    }

    @Test
    void reasoningModel_getsMaxCompletionTokens_andIsChargedCachedAndReasoningTokensAtTheirPrices() {
        Consumer consumer = consumer("10.00");
        String model = model("reasoning", 200_000, Map.of("input_per_million", new BigDecimal("10.00"),
                "output_per_million", new BigDecimal("40.00"), "cache_read_per_million", new BigDecimal("2.50")),
                "local-a", "reasoning-o");

        Response capped = post(consumer.key(), chat(model, "max_tokens", 500));
        Response uncapped = post(consumer.key(), chat(model));

        assertThat(capped.status()).as(capped.toString()).isEqualTo(200);
        assertThat(uncapped.status()).as(uncapped.toString()).isEqualTo(200);
        List<JsonNode> sent = new ArrayList<>();
        OPENAI.requests.stream().filter(r -> r.path("model").asText().equals("reasoning-o")).forEach(sent::add);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).has("max_tokens")).isFalse();
        assertThat(sent.get(0).path("max_completion_tokens").asInt()).isEqualTo(500);
        assertThat(sent.get(1).path("max_completion_tokens").asInt()).isEqualTo(4096);

        JsonNode usage = capped.json().path("usage");
        assertThat(usage.path("prompt_tokens_details").path("cached_tokens").asLong())
                .isEqualTo(LocalOpenAiServer.CACHED_TOKENS);
        assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asLong())
                .isEqualTo(LocalOpenAiServer.REASONING_TOKENS);
        // 200 uncached prompt tokens at 10, 1000 cached at 2.50, 300 completion tokens (200 of them reasoning) at 40
        BigDecimal expected = new BigDecimal("10.00").multiply(BigDecimal.valueOf(200))
                .add(new BigDecimal("2.50").multiply(BigDecimal.valueOf(1000)))
                .add(new BigDecimal("40.00").multiply(BigDecimal.valueOf(300))).movePointLeft(6);
        assertThat(expected).isEqualByComparingTo("0.0165");
        assertThat(usage.path("cost").decimalValue()).isEqualByComparingTo(expected);
        assertThat(charge(consumer, capped.header("X-Request-Id")).path("amount").decimalValue())
                .isEqualByComparingTo(expected.negate());
        JsonNode generation = generation(consumer, capped.header("X-Request-Id"));
        assertThat(generation.path("usage").path("cached_prompt_tokens").asLong()).isEqualTo(1000);
        assertThat(generation.path("usage").path("reasoning_tokens").asLong()).isEqualTo(200);
        assertThat(api.get("/api/v1/models/" + model, null).data().path("pricing").path("cache_read_per_million")
                .decimalValue()).isEqualByComparingTo("2.50");
    }

    private static List<String> kinds(JsonNode generation) {
        List<String> kinds = new ArrayList<>();
        generation.path("ledger_entries").forEach(e -> kinds.add(e.path("kind").asText()));
        return kinds;
    }
}
