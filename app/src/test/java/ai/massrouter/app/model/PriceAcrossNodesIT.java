package ai.massrouter.app.model;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import ai.massrouter.app.support.SecondNode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.util.List;
import java.util.Map;

import static ai.massrouter.app.support.MoneyFixtures.fund;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each node keeps the models it priced (docs/design.md, the price list): an administrator's price
 * or status change made on one node prices, or refuses, the very next call on another node that
 * has just used the old price, with no waiting.
 */
class PriceAcrossNodesIT extends PlatformIT {

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void priceAndStatusChanges_applyToTheVeryNextCall_onASecondNode() {
        String admin = adminToken();
        Map<String, Object> model = Map.of("id", "mock/across", "name", "Across", "provider", "mock",
                "category", "chat", "description", "priced on two nodes", "context_length", 4096,
                "pricing", Map.of("input_per_million", 1, "output_per_million", 1),
                "routes", List.of(Map.of("provider", "mock", "upstream_model", "echo")));
        assertThat(api.post("/api/v1/admin/models", model, admin).status()).isEqualTo(201);
        JsonNode registered = register(uniqueEmail("across"), "password-123");
        String token = registered.path("tokens").path("access_token").asText();
        fund(api, admin, registered.path("user").path("id").asText(), "100");
        try (SecondNode node2 = SecondNode.start(databaseUrl)) {
            assertThat(meter(node2, token, "across-1").path("amount").decimalValue()).isEqualByComparingTo("1");
            assertThat(meter(node2, token, "across-2").path("amount").decimalValue()).isEqualByComparingTo("1");

            Response changed = api.put("/api/v1/admin/models/mock/across/pricing",
                    Map.of("input_per_million", 7, "output_per_million", 1), admin);
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(meter(node2, token, "across-3").path("amount").decimalValue()).isEqualByComparingTo("7");

            assertThat(api.put("/api/v1/admin/models/mock/across/status", Map.of("status", "unavailable"), admin)
                    .status()).isEqualTo(200);
            Response refused = node2.api().post("/api/v1/billing/usage", Map.of("request_id", "across-4",
                    "model", "mock/across", "prompt_tokens", 1_000_000, "completion_tokens", 0), token);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.errorCode()).isEqualTo("MODEL_001");
        }
    }

    private static JsonNode meter(SecondNode node, String token, String requestId) {
        Response charged = node.api().post("/api/v1/billing/usage", Map.of("request_id", requestId,
                "model", "mock/across", "prompt_tokens", 1_000_000, "completion_tokens", 0), token);
        assertThat(charged.status()).as(charged.toString()).isEqualTo(200);
        return charged.data();
    }
}
