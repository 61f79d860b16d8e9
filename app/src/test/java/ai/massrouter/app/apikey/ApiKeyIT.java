package ai.massrouter.app.apikey;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import ai.massrouter.app.support.SecondNode;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyIT extends PlatformIT {

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private JsonNode createKey(String token, Map<String, Object> body) {
        Response created = api.post("/api/v1/users/me/api-keys", body, token);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data();
    }

    @Test
    void lifecycle_secretShownOnce_usable_listed_revoked() {
        String jwt = registerAndGetToken();
        JsonNode key = createKey(jwt, Map.of("name", "Production Key", "permissions", List.of("read", "write"),
                "spend_limit", Map.of("total", 50, "daily", 5.5), "rate_limit_per_hour", 500));
        String secret = key.path("key").asText();
        assertThat(secret).startsWith("mr-").hasSizeGreaterThanOrEqualTo(43);
        assertThat(key.path("prefix").asText()).isEqualTo(secret.substring(0, 11));

        Response me = api.get("/api/v1/users/me", secret);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode page = api.get("/api/v1/users/me/api-keys", jwt).data();
            assertThat(page.path("total").asInt()).isEqualTo(1);
            JsonNode item = page.path("items").path(0);
            assertThat(item.path("id").asText()).isEqualTo(key.path("id").asText());
            assertThat(item.path("prefix").asText()).isEqualTo(secret.substring(0, 11));
            assertThat(item.path("status").asText()).isEqualTo("active");
            assertThat(item.path("last_used_at").isNull()).isFalse();
            assertThat(item.path("spend_limit").path("total").decimalValue()).isEqualByComparingTo("50");
            assertThat(item.path("spend_limit").path("daily").decimalValue()).isEqualByComparingTo("5.5");
            assertThat(item.path("rate_limit_per_hour").asInt()).isEqualTo(500);
        });
        String listed = api.get("/api/v1/users/me/api-keys", jwt).raw();
        assertThat(listed).doesNotContain(secret).doesNotContain("secret_hash");

        Response revoked = api.delete("/api/v1/users/me/api-keys/" + key.path("id").asText(), jwt);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        Response refused = api.get("/api/v1/users/me", secret);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("ERR_002");
    }

    @Test
    void revocation_isRefusedAtOnce_onASecondNodeSharingTheDatabase() {
        String jwt = registerAndGetToken();
        JsonNode key = createKey(jwt, Map.of("name", "Shared", "permissions", List.of("read")));
        String secret = key.path("key").asText();
        try (SecondNode node2 = SecondNode.start(databaseUrl)) {
            assertThat(node2.api().get("/api/v1/users/me", secret).status()).isEqualTo(200);
            assertThat(api.delete("/api/v1/users/me/api-keys/" + key.path("id").asText(), jwt).status()).isEqualTo(200);
            // the very next request on the other node, with no waiting
            Response refused = node2.api().get("/api/v1/users/me", secret);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo("ERR_002");
        }
    }

    @Test
    void readOnlyKey_cannotCallWriteEndpoints() {
        String jwt = registerAndGetToken();
        String secret = createKey(jwt, Map.of("name", "reader", "permissions", List.of("read"))).path("key").asText();
        assertThat(api.get("/api/v1/users/me", secret).status()).isEqualTo(200);
        Response write = api.put("/api/v1/users/me", Map.of("username", "nope_nope"), secret);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.errorCode()).isEqualTo("ERR_003");
        assertThat(api.post("/api/v1/users/me/api-keys", Map.of("name", "x", "permissions", List.of("read")), secret)
                .errorCode()).isEqualTo("ERR_003");
    }

    @Test
    void expiredKey_isApikey001() throws Exception {
        String jwt = registerAndGetToken();
        // long enough for a cold first request to land before it, then waited out to the millisecond
        Instant expiresAt = Instant.now().plusSeconds(5);
        String secret = createKey(jwt, Map.of("name", "short-lived", "permissions", List.of("read"),
                "expires_at", expiresAt.toString())).path("key").asText();
        assertThat(api.get("/api/v1/users/me", secret).status()).isEqualTo(200);
        Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), expiresAt).toMillis()) + 100);
        Response expired = api.get("/api/v1/users/me", secret);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorCode()).isEqualTo("APIKEY_001");
        Awaitility.await().untilAsserted(() -> assertThat(api.get("/api/v1/users/me/api-keys", jwt).data()
                .path("items").path(0).path("status").asText()).isEqualTo("expired"));
    }

    @Test
    void keyOfSuspendedUser_isUser001() {
        String email = uniqueEmail("suspended");
        JsonNode registered = register(email, "password-123");
        String jwt = registered.path("tokens").path("access_token").asText();
        String secret = createKey(jwt, Map.of("name", "k", "permissions", List.of("read"))).path("key").asText();
        api.put("/api/v1/admin/users/" + registered.path("user").path("id").asText() + "/status",
                Map.of("status", "suspended"), adminToken());
        Response refused = api.get("/api/v1/users/me", secret);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("USER_001");
        // the JWT issued before the suspension stops working at once too
        assertThat(api.get("/api/v1/users/me", jwt).errorCode()).isEqualTo("USER_001");
    }

    @Test
    void anotherUsersKey_isNotFound() {
        String alice = registerAndGetToken();
        String bob = registerAndGetToken();
        String aliceKey = createKey(alice, Map.of("name", "a", "permissions", List.of("read"))).path("id").asText();
        Response response = api.delete("/api/v1/users/me/api-keys/" + aliceKey, bob);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("ERR_004");
        assertThat(api.delete("/api/v1/users/me/api-keys/key_doesnotexist", bob).errorCode()).isEqualTo("ERR_004");
    }

    @Test
    void badRequests_nameTheField() {
        String jwt = registerAndGetToken();
        Response noPermissions = api.post("/api/v1/users/me/api-keys", Map.of("name", "x", "permissions", List.of()), jwt);
        assertThat(noPermissions.json().path("error").path("details").has("permissions")).isTrue();
        Response unknownPermission = api.post("/api/v1/users/me/api-keys",
                Map.of("name", "x", "permissions", List.of("admin")), jwt);
        assertThat(unknownPermission.json().path("error").path("details").has("permissions")).isTrue();
        Response past = api.post("/api/v1/users/me/api-keys", Map.of("name", "x", "permissions", List.of("read"),
                "expires_at", "2020-01-01T00:00:00Z"), jwt);
        assertThat(past.json().path("error").path("details").has("expires_at")).isTrue();
        Response negative = api.post("/api/v1/users/me/api-keys", Map.of("name", "x", "permissions", List.of("read"),
                "spend_limit", Map.of("daily", -1)), jwt);
        assertThat(negative.errorCode()).isEqualTo("ERR_001");
    }

    @Test
    void limits_canBeChanged_andTheNextListShowsThem() {
        String jwt = registerAndGetToken();
        String keyId = createKey(jwt, Map.of("name", "k", "permissions", List.of("read", "write"))).path("id").asText();
        Response changed = api.put("/api/v1/users/me/api-keys/" + keyId + "/limits",
                Map.of("spend_limit", Map.of("monthly", 100), "rate_limit_per_hour", 10), jwt);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        // read your own writes: no waiting, the write answered once the list shows it
        JsonNode item = api.get("/api/v1/users/me/api-keys", jwt).data().path("items").path(0);
        assertThat(item.path("spend_limit").path("monthly").decimalValue()).isEqualByComparingTo("100");
        assertThat(item.path("rate_limit_per_hour").asInt()).isEqualTo(10);
    }

    @Test
    void createdAndRevokedKeys_showInTheVeryNextList() {
        String jwt = registerAndGetToken();
        for (int i = 0; i < 5; i++) {
            String keyId = createKey(jwt, Map.of("name", "k" + i, "permissions", List.of("read"))).path("id").asText();
            JsonNode listed = api.get("/api/v1/users/me/api-keys?limit=100", jwt).data();
            assertThat(listed.path("total").asInt()).isEqualTo(1);
            assertThat(listed.path("items").path(0).path("id").asText()).isEqualTo(keyId);
            assertThat(api.delete("/api/v1/users/me/api-keys/" + keyId, jwt).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/users/me/api-keys", jwt).data().path("total").asInt()).isZero();
        }
    }

    @Test
    void limits_partialUpdate_keepsWhatWasNotSent_andNullRemovesALimit() {
        String jwt = registerAndGetToken();
        String keyId = createKey(jwt, Map.of("name", "k", "permissions", List.of("read", "write"),
                "spend_limit", Map.of("total", 500, "daily", 20), "rate_limit_per_hour", 600)).path("id").asText();
        String limits = "/api/v1/users/me/api-keys/" + keyId + "/limits";

        Response monthlyOnly = api.put(limits, Map.of("spend_limit", Map.of("monthly", 100)), jwt);
        assertThat(monthlyOnly.status()).as(monthlyOnly.toString()).isEqualTo(200);
        assertThat(monthlyOnly.data().path("spend_limit").path("total").decimalValue()).isEqualByComparingTo("500");
        assertThat(monthlyOnly.data().path("spend_limit").path("daily").decimalValue()).isEqualByComparingTo("20");
        assertThat(monthlyOnly.data().path("spend_limit").path("monthly").decimalValue()).isEqualByComparingTo("100");
        assertThat(monthlyOnly.data().path("rate_limit_per_hour").asInt()).isEqualTo(600);

        Response cleared = api.put(limits, "{\"spend_limit\":{\"daily\":null},\"rate_limit_per_hour\":null}", jwt);
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        JsonNode item = api.get("/api/v1/users/me/api-keys", jwt).data().path("items").path(0);
        assertThat(item.path("spend_limit").path("total").decimalValue()).isEqualByComparingTo("500");
        assertThat(item.path("spend_limit").path("daily").isNull()).isTrue();
        assertThat(item.path("spend_limit").path("monthly").decimalValue()).isEqualByComparingTo("100");
        assertThat(item.path("rate_limit_per_hour").isNull()).isTrue();

        Response all = api.put(limits, "{\"spend_limit\":null}", jwt);
        assertThat(all.data().path("spend_limit").isNull()).as(all.toString()).isTrue();

        Response unknown = api.put(limits, Map.of("spend_limits", Map.of("daily", 1)), jwt);
        assertThat(unknown.errorCode()).isEqualTo("ERR_001");
        assertThat(unknown.json().path("error").path("details").has("spend_limits")).isTrue();
        Response negative = api.put(limits, Map.of("spend_limit", Map.of("daily", -1)), jwt);
        assertThat(negative.json().path("error").path("details").has("spend_limit.daily")).isTrue();
        Response rate = api.put(limits, Map.of("rate_limit_per_hour", 0), jwt);
        assertThat(rate.json().path("error").path("details").has("rate_limit_per_hour")).isTrue();
    }
}
