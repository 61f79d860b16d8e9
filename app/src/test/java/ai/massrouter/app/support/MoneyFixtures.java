package ai.massrouter.app.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps every money test takes: fund an account, read a balance. */
public final class MoneyFixtures {

    private MoneyFixtures() {
    }

    /** Credits the user's account through the admin adjustment endpoint. */
    public static void fund(ApiClient api, String adminToken, String userId, String amount) {
        ApiClient.Response response = api.post("/api/v1/admin/accounts/" + userId + "/adjustments",
                Map.of("amount", new BigDecimal(amount), "reason", "test funding"), adminToken);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    public static JsonNode balance(ApiClient api, String token) {
        ApiClient.Response response = api.get("/api/v1/billing/balance", token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    public static BigDecimal available(ApiClient api, String token) {
        return balance(api, token).path("available").decimalValue();
    }
}
