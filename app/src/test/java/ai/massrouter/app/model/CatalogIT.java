package ai.massrouter.app.model;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ai.massrouter.app.support.MoneyFixtures.fund;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogIT extends PlatformIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void freshInstall_hasASeededCatalog_withTheMockProvider() {
        Awaitility.await().untilAsserted(() -> {
            JsonNode page = api.get("/api/v1/models?limit=100", null).data();
            assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(30);
            List<String> providers = new ArrayList<>();
            page.path("items").forEach(m -> providers.add(m.path("provider").asText()));
            assertThat(providers).contains("openai", "anthropic", "deepseek", "qwen", "mock");
        });
        JsonNode echo = api.get("/api/v1/models/mock/echo", null).data();
        assertThat(echo.path("pricing").path("input_per_million").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(echo.path("pricing").path("currency").asText()).isEqualTo("CNY");
        assertThat(echo.path("status").asText()).isEqualTo("available");
        assertThat(api.get("/api/v1/models/nobody/nothing", null).errorCode()).isEqualTo("ERR_004");
    }

    @Test
    void filters_search_andSorting() {
        JsonNode embeddings = api.get("/api/v1/models?category=embedding&limit=100", null).data();
        assertThat(embeddings.path("total").asInt()).isGreaterThanOrEqualTo(2);
        embeddings.path("items").forEach(m -> assertThat(m.path("category").asText()).isEqualTo("embedding"));

        JsonNode anthropic = api.get("/api/v1/models?provider=anthropic", null).data();
        anthropic.path("items").forEach(m -> assertThat(m.path("provider").asText()).isEqualTo("anthropic"));

        JsonNode found = api.get("/api/v1/models/search?search=lorem", null).data();
        assertThat(found.path("items").path(0).path("id").asText()).isEqualTo("mock/lorem");

        JsonNode cheapest = api.get("/api/v1/models?sort_by=price&order=asc&limit=100", null).data().path("items");
        BigDecimal previous = BigDecimal.valueOf(-1);
        for (JsonNode m : cheapest) {
            BigDecimal price = m.path("pricing").path("input_per_million").decimalValue()
                    .add(m.path("pricing").path("output_per_million").decimalValue());
            assertThat(price).isGreaterThanOrEqualTo(previous);
            previous = price;
        }
        JsonNode byName = api.get("/api/v1/models?sort_by=name&order=desc&limit=2", null).data().path("items");
        assertThat(byName.get(0).path("name").asText().compareToIgnoreCase(byName.get(1).path("name").asText()))
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void unknownQueryValues_areErr001() {
        for (String query : List.of("sort_by=cost", "order=up", "category=telepathy", "limit=101", "page=0",
                "provider=Not%20A%20Provider")) {
            Response response = api.get("/api/v1/models?" + query, null);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("ERR_001");
        }
    }

    @Test
    void adminPriceChange_isAnEvent_andPricesLaterUsage() {
        String admin = adminToken();
        JsonNode registered = register(uniqueEmail("catalog"), "password-123");
        String token = registered.path("tokens").path("access_token").asText();
        fund(api, admin, registered.path("user").path("id").asText(), "10");

        Response changed = api.put("/api/v1/admin/models/deepseek/deepseek-coder/pricing",
                Map.of("input_per_million", 3, "output_per_million", new BigDecimal("0.000001")), admin);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(api.put("/api/v1/admin/models/deepseek/deepseek-coder/pricing",
                Map.of("input_per_million", 3, "output_per_million", 1), token).errorCode()).isEqualTo("ERR_003");

        // prices are read from the catalog's read model: the new one applies once it is there
        Awaitility.await().untilAsserted(() -> assertThat(api.get("/api/v1/models/deepseek/deepseek-coder", null)
                .data().path("pricing").path("input_per_million").decimalValue()).isEqualByComparingTo("3"));
        Response charged = api.post("/api/v1/billing/usage", Map.of("request_id", "priced-1",
                "model", "deepseek/deepseek-coder", "prompt_tokens", 1_000_000, "completion_tokens", 1_000_000), token);
        assertThat(charged.data().path("amount").decimalValue()).isEqualByComparingTo("3.000001");

        Long history = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%ModelPriceChangedEvent'", Long.class, "model:deepseek/deepseek-coder");
        assertThat(history).isEqualTo(1);
    }

    @Test
    void adminCatalogWrites_showInTheVeryNextRead() {
        String admin = adminToken();
        Map<String, Object> model = Map.of("id", "mock/fresh", "name", "Fresh", "provider", "mock",
                "category", "chat", "description", "added and used at once", "context_length", 4096,
                "pricing", Map.of("input_per_million", 1, "output_per_million", 2),
                "routes", List.of(Map.of("provider", "mock", "upstream_model", "echo")));
        assertThat(api.post("/api/v1/admin/models", model, admin).status()).isEqualTo(201);
        Response added = api.get("/api/v1/models/mock/fresh", null);
        assertThat(added.status()).as(added.toString()).isEqualTo(200);

        assertThat(api.put("/api/v1/admin/models/mock/fresh/pricing",
                Map.of("input_per_million", 4, "output_per_million", 5), admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/models/mock/fresh", null).data().path("pricing").path("input_per_million")
                .decimalValue()).isEqualByComparingTo("4");

        assertThat(api.put("/api/v1/admin/models/mock/fresh/status", Map.of("status", "unavailable"), admin)
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/models/mock/fresh", null).data().path("status").asText())
                .isEqualTo("unavailable");
    }

    @Test
    void unavailableModel_refusesUsageWithModel001_andAdminsCanAddModels() {
        String admin = adminToken();
        Map<String, Object> model = Map.of("id", "mock/canary", "name", "Canary", "provider", "mock",
                "category", "chat", "description", "test model", "context_length", 4096,
                "pricing", Map.of("input_per_million", 1, "output_per_million", 1),
                "routes", List.of(Map.of("provider", "mock", "upstream_model", "echo")));
        assertThat(api.post("/api/v1/admin/models", model, admin).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/admin/models", model, admin).errorCode()).isEqualTo("ERR_001");
        assertThat(api.put("/api/v1/admin/models/mock/canary/status", Map.of("status", "unavailable"), admin).status())
                .isEqualTo(200);
        String token = registerAndGetToken();
        Awaitility.await().untilAsserted(() -> {
            Response refused = api.post("/api/v1/billing/usage", Map.of("request_id", "canary-1",
                    "model", "mock/canary", "prompt_tokens", 1, "completion_tokens", 1), token);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.errorCode()).isEqualTo("MODEL_001");
        });
    }
}
