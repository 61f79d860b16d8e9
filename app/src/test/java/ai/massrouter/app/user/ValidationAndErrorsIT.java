package ai.massrouter.app.user;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationAndErrorsIT extends PlatformIT {

    private Response registerWith(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("email", uniqueEmail("v"), "username",
                "valid_" + java.util.UUID.randomUUID().toString().substring(0, 8),
                "password", "password-123", "confirm_password", "password-123"));
        body.putAll(overrides);
        return api.post("/api/v1/auth/register", body, null);
    }

    private static JsonNode details(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("ERR_001");
        assertThat(response.json().path("success").asBoolean(true)).isFalse();
        return response.json().path("error").path("details");
    }

    @Test
    void badEmail_isNamed() {
        assertThat(details(registerWith(Map.of("email", "not-an-email"))).has("email")).isTrue();
    }

    @Test
    void shortPassword_isNamed() {
        assertThat(details(registerWith(Map.of("password", "short", "confirm_password", "short"))).has("password")).isTrue();
    }

    @Test
    void confirmPasswordMismatch_isNamed() {
        assertThat(details(registerWith(Map.of("confirm_password", "password-124"))).has("confirm_password")).isTrue();
    }

    @Test
    void wrongJsonType_isNamed() {
        assertThat(details(registerWith(Map.of("username", Map.of("nested", true)))).has("username")).isTrue();
        assertThat(details(registerWith(Map.of("password", 12345678))).has("password")).isTrue();
    }

    @Test
    void malformedJson_andMissingBody_areErr001() {
        assertThat(details(api.post("/api/v1/auth/register", "{\"email\": ", null)).has("body")).isTrue();
        assertThat(details(api.send("POST", "/api/v1/auth/register", null, null, Map.of())).has("body")).isTrue();
    }

    @Test
    void unknownRoute_isErr004InTheEnvelope_withOrWithoutToken() {
        for (String token : new String[]{null, registerAndGetToken()}) {
            Response response = api.get("/api/v1/no/such/route", token);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("ERR_004");
            assertThat(response.raw()).doesNotContain("Whitelabel").doesNotContain("at ai.massrouter");
        }
        assertThat(api.send("DELETE", "/api/v1/auth/login", null, null, Map.of()).errorCode()).isEqualTo("ERR_004");
        assertThat(api.get("/totally/elsewhere", null).errorCode()).isEqualTo("ERR_004");
    }

    @Test
    void health_isUp_withEventStoreAndReadModels() {
        Response health = api.get("/actuator/health", adminToken());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("components").path("eventStoreAndReadModels").path("status").asText())
                .isEqualTo("UP");
    }
}
