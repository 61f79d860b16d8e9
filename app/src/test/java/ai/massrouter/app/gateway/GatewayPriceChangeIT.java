package ai.massrouter.app.gateway;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.SecondNode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway and usage metering price a call from one price list, kept in each node and checked
 * against the model's events before every call: an admin's price or status change on one node
 * applies to the very next call on another node, which priced the model before the change.
 */
class GatewayPriceChangeIT extends GatewayIT {

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void priceChangeOnOneNode_pricesTheVeryNextCallOnAnother() {
        Consumer consumer = consumer("100");
        String model = model("1", "2", "mock", "echo");
        try (SecondNode node2 = SecondNode.start(databaseUrl)) {
            JsonNode before = call(node2, consumer, model);
            assertThat(before.path("cost").decimalValue()).isEqualByComparingTo(
                    cost("1", before.path("prompt_tokens").asLong(), "2", before.path("completion_tokens").asLong()));

            Response changed = api.put("/api/v1/admin/models/" + model + "/pricing",
                    Map.of("input_per_million", 30, "output_per_million", 50), adminToken());
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

            // no waiting: the other node's next call, and its next metered record, see the new price
            JsonNode after = call(node2, consumer, model);
            assertThat(after.path("cost").decimalValue()).isEqualByComparingTo(
                    cost("30", after.path("prompt_tokens").asLong(), "50", after.path("completion_tokens").asLong()));
            Response metered = node2.api().post("/api/v1/billing/usage", Map.of("request_id", "price-change-1",
                    "model", model, "prompt_tokens", 1_000_000, "completion_tokens", 1_000_000), consumer.key());
            assertThat(metered.status()).as(metered.toString()).isEqualTo(200);
            assertThat(metered.data().path("amount").decimalValue()).isEqualByComparingTo("80");

            assertThat(api.put("/api/v1/admin/models/" + model + "/status", Map.of("status", "unavailable"),
                    adminToken()).status()).isEqualTo(200);
            Response refused = node2.api().post("/v1/chat/completions", chat(model), consumer.key());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        }
    }

    private static JsonNode call(SecondNode node, Consumer consumer, String model) {
        Response answer = node.api().post("/v1/chat/completions", chat(model), consumer.key());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().path("usage");
    }
}
