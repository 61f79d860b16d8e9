package ai.massrouter.app.hostile;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10, item 4: an API key capped at 0.01 tried to manage keys (its own limit, new keys, its owner's keys). */
class KeyManagementHostileIT extends HostileIT {

    private String jwt;
    private String cappedId;
    private String capped;

    @BeforeEach
    void aUserWithAKeyCappedAtOneCent() {
        jwt = registerAndGetToken();
        JsonNode key = createKey(jwt, Map.of("name", "capped", "spend_limit", Map.of("total", 0.01)));
        cappedId = key.path("id").asText();
        capped = key.path("key").asText();
    }

    @Test
    void cappedKey_cannotRaiseItsOwnSpendLimit() {
        Response raised = api.put("/api/v1/users/me/api-keys/" + cappedId + "/limits",
                Map.of("spend_limit", Map.of("total", 100000)), capped);

        assertEnvelopeError(raised, 403, "ERR_003");
        // the list is a projection: wait until it shows the key, then its limit must be the original one
        Awaitility.await().untilAsserted(() -> assertThat(api.get("/api/v1/users/me/api-keys", jwt).data()
                .path("items").path(0).path("spend_limit").path("total").decimalValue()).isEqualByComparingTo("0.01"));
    }

    @Test
    void cappedKey_cannotCreateAKey_evenANarrowerOne() throws InterruptedException {
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("name", "unlimited", "permissions", List.of("read", "write")),
                Map.of("name", "narrower", "permissions", List.of("read"), "spend_limit", Map.of("total", 0.001)))) {
            assertEnvelopeError(api.post("/api/v1/users/me/api-keys", body, capped), 403, "ERR_003");
        }
        Awaitility.await().untilAsserted(() ->
                assertThat(api.get("/api/v1/users/me/api-keys", jwt).data().path("total").asInt()).isEqualTo(1));
        // and no second key ever shows up
        Thread.sleep(500);
        assertThat(api.get("/api/v1/users/me/api-keys", jwt).data().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void cappedKey_cannotRevokeItsOwnersOtherKeys_norItself() {
        JsonNode other = createKey(jwt, Map.of("name", "production"));

        assertEnvelopeError(api.delete("/api/v1/users/me/api-keys/" + other.path("id").asText(), capped), 403, "ERR_003");
        assertEnvelopeError(api.delete("/api/v1/users/me/api-keys/" + cappedId, capped), 403, "ERR_003");
        assertThat(api.get("/api/v1/users/me", other.path("key").asText()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/me", capped).status()).isEqualTo(200);
    }

    @Test
    void anyKey_cannotListKeys_norReachAnythingUnderKeyManagement() {
        assertEnvelopeError(api.get("/api/v1/users/me/api-keys", capped), 403, "ERR_003");
        assertEnvelopeError(api.get("/api/v1/users/me/api-keys/" + cappedId + "/anything", capped), 403, "ERR_003");
        assertEnvelopeError(api.get("/api/v1/users/me/api-keys", null), 401, "ERR_002");
        assertThat(api.get("/api/v1/users/me/api-keys", jwt).status()).isEqualTo(200);
    }
}
