package ai.massrouter.app.gateway;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/embeddings}: the offline mock, an OpenAI-compatible upstream, the official SDK; charged by input tokens. */
class GatewayEmbeddingsIT extends GatewayIT {

    @Test
    void mockEmbed_givesDeterministicUnitVectors_chargedByInputTokens() {
        Consumer consumer = consumer("1.00");
        Map<String, Object> body = Map.of("model", "mock/embed", "input", List.of("hello world", "你好"));

        Response first = api.post("/v1/embeddings", body, consumer.key());
        Response again = api.post("/v1/embeddings", Map.of("model", "mock/embed", "input", "hello world"),
                consumer.key());

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode json = first.json();
        assertThat(json.path("object").asText()).isEqualTo("list");
        assertThat(json.path("model").asText()).isEqualTo("mock/embed");
        assertThat(json.path("data")).hasSize(2);
        JsonNode vector = json.path("data").path(0).path("embedding");
        assertThat(vector).hasSize(256);
        double norm = 0;
        for (JsonNode v : vector) {
            norm += v.asDouble() * v.asDouble();
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(again.json().path("data").path(0).path("embedding")).isEqualTo(vector);
        assertThat(json.path("data").path(1).path("embedding")).isNotEqualTo(vector);
        // "hello world": 11 characters, 3 tokens; "你好": 2 tokens
        assertThat(json.path("usage").path("prompt_tokens").asLong()).isEqualTo(5);
        assertThat(json.path("usage").path("total_tokens").asLong()).isEqualTo(5);
        BigDecimal expected = cost("0.10", 5, "0", 0);
        assertThat(json.path("usage").path("cost").decimalValue()).isEqualByComparingTo(expected);
        String requestId = first.header("X-Request-Id");
        assertThat(requestId).startsWith("embd-");
        JsonNode charge = charge(consumer, requestId);
        assertThat(charge.path("amount").decimalValue()).isEqualByComparingTo(expected.negate());
        assertThat(charge.path("prompt_tokens").asLong()).isEqualTo(5);
        JsonNode generation = generation(consumer, requestId);
        assertThat(generation.path("endpoint").asText()).isEqualTo("embeddings");
        assertThat(generation.path("provider").asText()).isEqualTo("mock");
    }

    @Test
    void openAiCompatibleUpstream_fallsBack_andIsChargedAtItsReportedTokens() {
        Consumer consumer = consumer("1.00");
        String model = model("embedding", 8192, Map.of("input_per_million", new BigDecimal("1.00"),
                "output_per_million", BigDecimal.ZERO), "local-a", "fail500", "local-b", "embed-small");

        Response response = api.post("/v1/embeddings", Map.of("model", model, "input", List.of("a", "b"),
                "dimensions", 3), consumer.key());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("model").asText()).isEqualTo(model);
        assertThat(response.json().path("data").path(1).path("embedding").path(2).asInt()).isEqualTo(1);
        JsonNode sent = OPENAI.requests.get(OPENAI.requests.size() - 1);
        assertThat(sent.path("model").asText()).isEqualTo("embed-small");
        assertThat(sent.path("dimensions").asInt()).isEqualTo(3);
        assertThat(OPENAI.authorizations).last().isEqualTo("Bearer sk-local-b");
        BigDecimal expected = cost("1.00", LocalOpenAiServer.EMBEDDING_TOKENS, "0", 0);
        assertThat(response.json().path("usage").path("cost").decimalValue()).isEqualByComparingTo(expected);
        assertThat(charge(consumer, response.header("X-Request-Id")).path("amount").decimalValue())
                .isEqualByComparingTo(expected.negate());
    }

    @Test
    void sdk_createsEmbeddings() {
        Consumer consumer = consumer("1.00");
        OpenAIClient client = OpenAIOkHttpClient.builder().apiKey(consumer.key())
                .baseUrl("http://localhost:" + port + "/v1").maxRetries(0).build();

        CreateEmbeddingResponse response = client.embeddings().create(EmbeddingCreateParams.builder()
                .model("mock/embed").input("hello world").build());

        response.validate();
        assertThat(response.data()).hasSize(1);
        assertThat(response.data().get(0).embedding()).hasSize(256);
        assertThat(response.usage().promptTokens()).isEqualTo(3);
    }

    @Test
    void wrongKindOfModel_orInput_is400_withoutAHold() {
        Consumer consumer = consumer("1.00");

        Response chatModel = api.post("/v1/embeddings", Map.of("model", "mock/echo", "input", "x"), consumer.key());
        Response embeddingModel = post(consumer.key(), chat("mock/embed"));
        Response emptyInput = api.post("/v1/embeddings", Map.of("model", "mock/embed", "input", List.of()),
                consumer.key());
        Response tooLong = api.post("/v1/embeddings", Map.of("model", "mock/embed", "input", "字".repeat(9000)),
                consumer.key());

        assertThat(chatModel.status()).isEqualTo(400);
        assertThat(chatModel.json().path("error").path("param").asText()).isEqualTo("model");
        assertThat(embeddingModel.status()).isEqualTo(400);
        assertThat(emptyInput.status()).isEqualTo(400);
        assertThat(emptyInput.json().path("error").path("param").asText()).isEqualTo("input");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("error").path("code").asText()).isEqualTo("context_length_exceeded");
        assertThat(eventTypes(consumer)).doesNotContain("FundsHeldEvent");
    }
}
