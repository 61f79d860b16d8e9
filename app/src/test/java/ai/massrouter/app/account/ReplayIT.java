package ai.massrouter.app.account;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.statistics.StatisticsTables;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static ai.massrouter.app.support.MoneyFixtures.fund;
import static org.assertj.core.api.Assertions.assertThat;

/** Projections are disposable: dropped and rebuilt from the log, they come out identical. */
class ReplayIT extends PlatformIT {

    private static final Map<String, String> TABLES = Map.of(
            "accounts", "SELECT * FROM account_balances_view ORDER BY account_id;"
                    + "SELECT * FROM account_transactions_view ORDER BY account_id, sequence_number;"
                    + "SELECT * FROM open_holds_view ORDER BY account_id, hold_id",
            "users", "SELECT * FROM users_view ORDER BY user_id",
            "api-keys", "SELECT * FROM api_keys_view ORDER BY key_id",
            "models", "SELECT * FROM models_view ORDER BY model_id;"
                    + "SELECT * FROM model_calls_applied ORDER BY account_id;"
                    + "SELECT * FROM model_popularity_view ORDER BY model_id",
            "statistics", String.join(";", StatisticsTables.QUERIES));

    @Autowired
    JdbcTemplate jdbc;

    @Value("${massrouter.projections.segments}")
    int segments;

    @Test
    void everyProjection_rebuiltFromTheLog_isIdentical() {
        String admin = adminToken();
        for (int u = 0; u < 3; u++) {
            JsonNode registered = register(uniqueEmail("replay"), "password-123");
            String token = registered.path("tokens").path("access_token").asText();
            fund(api, admin, registered.path("user").path("id").asText(), "1.00");
            api.post("/api/v1/users/me/api-keys", Map.of("name", "k" + u, "permissions", List.of("read")), token);
            for (int i = 0; i < 5; i++) {
                api.post("/api/v1/billing/usage", Map.of("request_id", "replay-" + u + "-" + i, "model", "mock/lorem",
                        "prompt_tokens", 1234 * (i + 1), "completion_tokens", 77 * i), token);
            }
        }
        api.put("/api/v1/admin/models/mock/lorem/pricing", Map.of("input_per_million", 0.75,
                "output_per_million", 1.25), admin);

        for (String projection : TABLES.keySet()) {
            awaitCaughtUp(admin, projection);
            String before = dump(TABLES.get(projection));
            Response replay = api.post("/api/v1/admin/projections/" + projection + "/replay", null, admin);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
            awaitCaughtUp(admin, projection);
            assertThat(dump(TABLES.get(projection))).as(projection).isEqualTo(before);
        }
        assertThat(api.post("/api/v1/admin/projections/account-opening/replay", null, admin).errorCode())
                .isEqualTo("ERR_001");
    }

    private void awaitCaughtUp(String admin, String projection) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
            JsonNode status = null;
            for (JsonNode p : api.get("/api/v1/admin/projections", admin).data()) {
                if (p.path("name").asText().equals(projection)) {
                    status = p;
                }
            }
            assertThat(status).isNotNull();
            assertThat(status.path("replaying").asBoolean()).isFalse();
            // every segment claimed again after the reset: the position is the slowest of those this node
            // runs, so with one segment still unclaimed it could pass the head while the other has replayed nothing
            assertThat(status.path("segments").asInt()).isEqualTo(segments);
            assertThat(status.path("position").asLong()).isGreaterThanOrEqualTo(head);
        });
    }

    private String dump(String queries) {
        StringBuilder out = new StringBuilder();
        for (String sql : queries.split(";")) {
            jdbc.queryForList(sql).forEach(row -> out.append(row).append('\n'));
        }
        return out.toString();
    }
}
