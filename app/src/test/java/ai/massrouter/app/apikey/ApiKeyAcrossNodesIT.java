package ai.massrouter.app.apikey;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import ai.massrouter.app.support.SecondNode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each node keeps the keys and users it authenticated (docs/design.md, Identity and
 * authentication): a change made on one node right after a use on the other is seen by the other's
 * very next request. Revocation is in {@link ApiKeyIT}.
 */
class ApiKeyAcrossNodesIT extends PlatformIT {

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private JsonNode createKey(String token, Map<String, Object> body) {
        Response created = api.post("/api/v1/users/me/api-keys", body, token);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data();
    }

    @Test
    void suspension_isRefusedAtOnce_onASecondNode_forItsKeysAndItsLoginSession() {
        JsonNode registered = register(uniqueEmail("suspended2"), "password-123");
        String jwt = registered.path("tokens").path("access_token").asText();
        String secret = createKey(jwt, Map.of("name", "k", "permissions", List.of("read"))).path("key").asText();
        try (SecondNode node2 = SecondNode.start(databaseUrl)) {
            // both are now in node 2's cache
            assertThat(node2.api().get("/api/v1/users/me", secret).status()).isEqualTo(200);
            assertThat(node2.api().get("/api/v1/users/me", jwt).status()).isEqualTo(200);
            Response suspended = api.put("/api/v1/admin/users/" + registered.path("user").path("id").asText()
                    + "/status", Map.of("status", "suspended"), adminToken());
            assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
            // the very next requests on the other node, with no waiting
            assertThat(node2.api().get("/api/v1/users/me", secret).errorCode()).isEqualTo("USER_001");
            assertThat(node2.api().get("/api/v1/users/me", jwt).errorCode()).isEqualTo("USER_001");
        }
    }

    @Test
    void limitChange_appliesToTheVeryNextRequest_onASecondNode() {
        String jwt = registerAndGetToken();
        JsonNode key = createKey(jwt, Map.of("name", "k", "permissions", List.of("read"), "rate_limit_per_hour", 500));
        String secret = key.path("key").asText();
        try (SecondNode node2 = SecondNode.start(databaseUrl)) {
            assertThat(node2.api().get("/api/v1/users/me", secret).header("X-RateLimit-Limit")).isEqualTo("500");
            Response changed = api.put("/api/v1/users/me/api-keys/" + key.path("id").asText() + "/limits",
                    Map.of("rate_limit_per_hour", 7), jwt);
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(node2.api().get("/api/v1/users/me", secret).header("X-RateLimit-Limit")).isEqualTo("7");
        }
    }
}
