package ai.massrouter.app.gateway;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in offline mock provider and the model list: the whole loop without any network. */
class GatewayMockIT extends GatewayIT {

    @Test
    void mockEcho_answersDeterministically_andChargesItsCountedTokens() {
        Consumer consumer = consumer("1.00");
        Map<String, Object> body = Map.of("model", "mock/echo", "messages",
                List.of(Map.of("role", "user", "content", "你好, MassRouter")));

        Response first = post(consumer.key(), body);
        Response second = post(consumer.key(), body);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("choices").path(0).path("message").path("content").asText())
                .isEqualTo("你好, MassRouter");
        assertThat(second.json().path("usage")).isEqualTo(first.json().path("usage"));
        assertThat(second.json().path("id")).isNotEqualTo(first.json().path("id"));
        // 3 + 4 + "user" (1) + 2 CJK + 12 other characters (3) = 13 prompt tokens; the reply: 2 + 3 = 5
        assertThat(first.json().path("usage").path("prompt_tokens").asLong()).isEqualTo(13);
        assertThat(first.json().path("usage").path("completion_tokens").asLong()).isEqualTo(5);
        // mock/echo costs 1.00 / 2.00 per million
        BigDecimal expected = cost("1.00", 13, "2.00", 5);
        assertThat(charge(consumer, first.header("X-Request-Id")).path("amount").decimalValue())
                .isEqualByComparingTo(expected.negate());
    }

    @Test
    void mockLorem_streams_atMostMaxTokens() {
        Consumer consumer = consumer("1.00");
        SseClient.Stream stream = new SseClient(port).post(consumer.key(), Map.of("model", "mock/lorem",
                "max_tokens", 5, "stream", true, "messages", List.of(Map.of("role", "user", "content", "hi"))));

        assertThat(stream.status()).isEqualTo(200);
        // 17 characters: 5 tokens by the estimate rule; one more word would be 6, past the cap the hold was placed for
        assertThat(stream.text()).isEqualTo("lorem ipsum dolor");
        assertThat(stream.data()).last().isEqualTo("[DONE]");
        assertThat(charge(consumer, stream.requestId()).path("completion_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void models_areListedInOpenAiFormat() {
        Response list = api.get("/v1/models", null);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("object").asText()).isEqualTo("list");
        List<String> ids = new ArrayList<>();
        for (JsonNode m : list.json().path("data")) {
            assertThat(m.path("object").asText()).isEqualTo("model");
            assertThat(m.has("owned_by")).isTrue();
            ids.add(m.path("id").asText());
        }
        assertThat(ids).contains("mock/echo", "openai/gpt-4o", "anthropic/claude-sonnet-4");
        assertThat(api.get("/v1/models/mock/echo", null).json().path("owned_by").asText()).isEqualTo("mock");
        Response missing = api.get("/v1/models/nobody/nothing", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").path("code").asText()).isEqualTo("ERR_004");
    }
}
