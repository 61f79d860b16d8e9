package ai.massrouter.app.projection;

import ai.massrouter.app.support.ApiClient;
import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.NodeProcess;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static ai.massrouter.app.support.MoneyFixtures.fund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replay asked of one node while a second process holds segments of the same projection: every
 * segment is reset, whichever node claimed it, the rebuilt read model equals the one before, and
 * both nodes process the projection again afterwards.
 */
@TestPropertySource(properties = "massrouter.cluster.heartbeat-interval=PT1S")
class ReplayAcrossNodesIT extends PlatformIT {

    private static final String THIS_NODE = ManagementFactory.getRuntimeMXBean().getName();
    private static final String ACCOUNTS = "SELECT * FROM account_balances_view ORDER BY account_id;"
            + "SELECT * FROM account_transactions_view ORDER BY account_id, sequence_number;"
            + "SELECT * FROM open_holds_view ORDER BY account_id, hold_id";

    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReplayAskedOfOneNode_resetsTheSegmentsOfBoth_rebuildsTheSameReadModel_andBothProcessAgain() {
        String admin = adminToken();
        String token = null;
        for (int u = 0; u < 3; u++) {
            JsonNode registered = register(uniqueEmail("replay-nodes"), "password-123");
            token = registered.path("tokens").path("access_token").asText();
            fund(api, admin, registered.path("user").path("id").asText(), "1.00");
            for (int i = 0; i < 4; i++) {
                charge(api, token, "replay-nodes-" + u + "-" + i);
            }
        }
        try (NodeProcess other = NodeProcess.start(databaseUrl, "--massrouter.cluster.heartbeat-interval=PT1S")) {
            awaitSharedAndCaughtUp(admin, other);
            String before = dump();

            Response replay = api.post("/api/v1/admin/projections/accounts/replay", null, admin);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM projection_replay", Integer.class)).isZero();
            awaitSharedAndCaughtUp(admin, other);
            assertThat(dump()).isEqualTo(before);

            // both nodes handle the projection's new events again
            for (int i = 0; i < 6; i++) {
                charge(i % 2 == 0 ? api : other.api(), token, "after-replay-" + i);
            }
            awaitSharedAndCaughtUp(admin, other);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM account_transactions_view WHERE operation_id "
                    + "LIKE 'after-replay-%'", Integer.class)).isEqualTo(6);
        }
    }

    private static void charge(ApiClient client, String token, String requestId) {
        Response charged = client.post("/api/v1/billing/usage", Map.of("request_id", requestId, "model", "mock/echo",
                "prompt_tokens", 10_000, "completion_tokens", 0), token);
        assertThat(charged.status()).as(charged.toString()).isEqualTo(200);
    }

    /** Each process owns one segment of accounts, and the segments each runs have handled the whole log. */
    private void awaitSharedAndCaughtUp(String admin, NodeProcess other) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<String> owners = jdbc.queryForList("SELECT coalesce(owner, '') FROM tokenentry "
                    + "WHERE processorname = 'accounts' ORDER BY segment", String.class);
            assertThat(owners).hasSize(2).anyMatch(THIS_NODE::equals)
                    .anyMatch(o -> o.startsWith(other.tokenOwnerPrefix()));
            long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
            for (ApiClient node : List.of(api, other.api())) {
                JsonNode accounts = accounts(node, admin);
                assertThat(accounts.path("running").asBoolean()).as(accounts.toString()).isTrue();
                assertThat(accounts.path("segments").asInt()).as(accounts.toString()).isEqualTo(1);
                assertThat(accounts.path("replaying").asBoolean()).as(accounts.toString()).isFalse();
                assertThat(accounts.path("position").asLong()).as(accounts.toString()).isGreaterThanOrEqualTo(head);
            }
        });
    }

    private static JsonNode accounts(ApiClient node, String admin) {
        for (JsonNode p : node.get("/api/v1/admin/projections", admin).data()) {
            if (p.path("name").asText().equals("accounts")) {
                return p;
            }
        }
        throw new AssertionError("no accounts processor");
    }

    private String dump() {
        StringBuilder out = new StringBuilder();
        for (String sql : ACCOUNTS.split(";")) {
            jdbc.queryForList(sql).forEach(row -> out.append(row).append('\n'));
        }
        return out.toString();
    }
}
