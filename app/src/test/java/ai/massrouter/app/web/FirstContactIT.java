package ai.massrouter.app.web;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static ai.massrouter.app.support.MoneyFixtures.fund;
import static org.assertj.core.api.Assertions.assertThat;

/** What a newcomer meets first: the home page, Swagger and the OpenAPI document, metrics, plain amounts. */
class FirstContactIT extends PlatformIT {

    /** A number in scientific notation, as a JSON value: {@code 2E-5}, {@code 1.5e-7}. */
    private static final Pattern SCIENTIFIC = Pattern.compile("[:\\[,]\\s*-?[0-9.]+[eE][-+]?[0-9]+");

    @Test
    void root_isAPageThatLinksToTheDocsSwaggerAndHealth() {
        Response home = api.get("/", null);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.headers().get("content-type").get(0)).startsWith("text/html");
        assertThat(home.raw()).contains("MassRouter", "href=\"/swagger-ui\"", "href=\"/v3/api-docs\"",
                "href=\"/actuator/health\"");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void openApiDocument_describesEveryRoute_inSnakeCase_withTheErrorEnvelope() {
        Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        assertThat(paths.has("/api/v1/auth/register")).isTrue();
        assertThat(paths.has("/api/v1/users/me/api-keys")).isTrue();
        assertThat(paths.has("/api/v1/billing/payment-methods")).isTrue();
        assertThat(paths.has("/v1/chat/completions")).isTrue();
        paths.fields().forEachRemaining(path -> path.getValue().forEach(operation -> {
            assertThat(operation.path("responses").has("400")).as(path.getKey()).isTrue();
            assertThat(operation.path("responses").has("401")).as(path.getKey()).isTrue();
            assertThat(operation.path("responses").has("429")).as(path.getKey()).isTrue();
        }));
        JsonNode createKey = paths.path("/api/v1/users/me/api-keys").path("post");
        assertThat(createKey.path("parameters").toString()).doesNotContain("caller");
        assertThat(createKey.path("responses").path("402").path("description").asText()).contains("BILL_001");
        JsonNode ok = createKey.path("responses").path("201").path("content").elements().next().path("schema");
        assertThat(ok.path("properties").has("success")).isTrue();
        assertThat(ok.path("properties").path("data").path("$ref").asText()).endsWith("CreatedApiKey");
        JsonNode schemas = docs.json().path("components").path("schemas");
        assertThat(schemas.path("CreatedApiKey").path("properties").has("rate_limit_per_hour")).isTrue();
        assertThat(schemas.path("ErrorEnvelope").path("properties").path("error").path("properties")
                .path("code").path("enum").toString()).contains("ERR_001", "BILL_001", "RATE_001");
    }

    @Test
    void prometheus_isForAdministratorsOnly_andCountsRequestsChargesAndUpstreams() {
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        JsonNode user = register(uniqueEmail("metrics"), "password-123");
        String token = user.path("tokens").path("access_token").asText();
        assertThat(api.get("/actuator/prometheus", token).status()).isEqualTo(403);

        String admin = adminToken();
        fund(api, admin, user.path("user").path("id").asText(), "1");
        String key = api.post("/api/v1/users/me/api-keys", Map.of("name", "m", "permissions", List.of("read", "write")),
                token).data().path("key").asText();
        Response call = api.post("/v1/chat/completions", Map.of("model", "mock/echo", "max_tokens", 16,
                "messages", List.of(Map.of("role", "user", "content", "count me"))), key);
        assertThat(call.status()).as(call.toString()).isEqualTo(200);

        Response metrics = api.get("/actuator/prometheus", admin);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("http_server_requests_seconds_count",
                "massrouter_gateway_upstream_seconds_count{outcome=\"ok\",provider=\"mock\"",
                "massrouter_charges_total{", "source=\"gateway\"",
                "massrouter_holds_total{", "outcome=\"placed\"", "outcome=\"settled\"",
                "massrouter_processor_lag_events{", "processor=\"accounts\"");
    }

    @Test
    void amounts_arePlainDecimals_neverScientificNotation() {
        JsonNode user = register(uniqueEmail("plain"), "password-123");
        String token = user.path("tokens").path("access_token").asText();
        fund(api, adminToken(), user.path("user").path("id").asText(), "1");
        // 20 prompt tokens of mock/echo at 1.00 per million: 0.00002, whose BigDecimal prints as 2E-5
        Response charged = api.post("/api/v1/billing/usage", Map.of("request_id", "plain-1", "model", "mock/echo",
                "prompt_tokens", 20, "completion_tokens", 0), token);
        assertThat(charged.status()).as(charged.toString()).isEqualTo(200);
        assertThat(charged.raw()).contains("0.00002").doesNotContainPattern(SCIENTIFIC);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        // naming the request waits for its charge to reach the read model
        Response transactions = api.get("/api/v1/billing/transactions?start_date=" + today + "&request_id=plain-1",
                token);
        assertThat(transactions.raw()).contains("0.00002").doesNotContainPattern(SCIENTIFIC);
        assertThat(api.get("/api/v1/billing/balance", token).raw()).contains("0.99998")
                .doesNotContainPattern(SCIENTIFIC);
    }
}
