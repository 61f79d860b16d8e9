package ai.massrouter.app.model;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A model's price history ({@code GET /models/{id}/prices}): the price it was added with and every change. */
class ModelPriceHistoryIT extends PlatformIT {

    @Test
    void everyPriceAModelHad_newestFirst_withThePriceItReplaced() {
        String admin = adminToken();
        Map<String, Object> model = Map.of("id", "mock/priced-history", "name", "Priced", "provider", "mock",
                "category", "chat", "description", "a model whose price moves", "context_length", 4096,
                "pricing", Map.of("input_per_million", 1, "output_per_million", 2),
                "routes", List.of(Map.of("provider", "mock", "upstream_model", "echo")));
        assertThat(api.post("/api/v1/admin/models", model, admin).status()).isEqualTo(201);
        assertThat(api.put("/api/v1/admin/models/mock/priced-history/pricing",
                Map.of("input_per_million", 3, "output_per_million", 4), admin).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/admin/models/mock/priced-history/pricing", Map.of("input_per_million", 5,
                "output_per_million", 6, "cache_read_per_million", new BigDecimal("0.5")), admin).status()).isEqualTo(200);
        // the same price again is no change
        assertThat(api.put("/api/v1/admin/models/mock/priced-history/pricing", Map.of("input_per_million", 5,
                "output_per_million", 6, "cache_read_per_million", new BigDecimal("0.5")), admin).status()).isEqualTo(200);

        // public like the catalog: no token
        JsonNode history = awaitTotal("/api/v1/models/mock/priced-history/prices", 3);
        JsonNode items = history.path("items");
        assertThat(items.get(0).path("model_id").asText()).isEqualTo("mock/priced-history");
        assertThat(items.get(0).path("change").asText()).isEqualTo("changed");
        assertPricing(items.get(0).path("pricing"), "5", "6");
        assertThat(items.get(0).path("pricing").path("cache_read_per_million").decimalValue()).isEqualByComparingTo("0.5");
        assertPricing(items.get(0).path("previous_pricing"), "3", "4");
        assertThat(items.get(0).path("previous_pricing").has("cache_read_per_million")).isFalse();
        assertPricing(items.get(1).path("pricing"), "3", "4");
        assertPricing(items.get(1).path("previous_pricing"), "1", "2");
        assertThat(items.get(2).path("change").asText()).isEqualTo("added");
        assertPricing(items.get(2).path("pricing"), "1", "2");
        assertThat(items.get(2).path("previous_pricing").isNull()).isTrue();
        assertThat(Instant.parse(items.get(0).path("changed_at").asText()))
                .isAfterOrEqualTo(Instant.parse(items.get(1).path("changed_at").asText()));

        JsonNode middle = api.get("/api/v1/models/mock/priced-history/prices?page=2&limit=1", null).data();
        assertThat(middle.path("total").asLong()).isEqualTo(3);
        assertThat(middle.path("items")).hasSize(1);
        assertPricing(middle.path("items").get(0).path("pricing"), "3", "4");
    }

    @Test
    void aSeededModel_hasItsFirstPrice_andAnUnknownModelOrAnOutOfRangePageIsRefused() {
        JsonNode seeded = awaitTotal("/api/v1/models/mock/echo/prices", 1);
        assertThat(seeded.path("items").get(0).path("change").asText()).isEqualTo("added");
        assertThat(seeded.path("items").get(0).path("pricing").path("currency").asText()).isEqualTo("CNY");

        Response unknown = api.get("/api/v1/models/mock/no-such-model/prices", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("ERR_004");
        for (String[] refused : new String[][] {{"limit=101", "limit"}, {"limit=0", "limit"}, {"page=0", "page"}}) {
            Response response = api.get("/api/v1/models/mock/echo/prices?" + refused[0], null);
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("ERR_001");
            assertThat(response.json().path("error").path("details").has(refused[1])).as(response.toString()).isTrue();
        }
    }

    private JsonNode awaitTotal(String path, long total) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Response response = api.get(path, null);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.data().path("total").asLong()).as(response.toString()).isEqualTo(total);
            last[0] = response.data();
        });
        return last[0];
    }

    private static void assertPricing(JsonNode pricing, String input, String output) {
        assertThat(pricing.path("input_per_million").decimalValue()).isEqualByComparingTo(input);
        assertThat(pricing.path("output_per_million").decimalValue()).isEqualByComparingTo(output);
        assertThat(pricing.path("currency").asText()).isEqualTo("CNY");
    }
}
