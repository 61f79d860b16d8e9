package ai.massrouter.app.cluster;

import ai.massrouter.app.support.ApiClient;
import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.AtOnce;
import ai.massrouter.app.support.NodeProcess;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static ai.massrouter.app.support.MoneyFixtures.balance;
import static ai.massrouter.app.support.MoneyFixtures.fund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two MassRouter processes on one PostgreSQL: this test's own node and a second JVM. The
 * processors split their segments between them; a node that stops hands its segments to the
 * other; charges to one account from both never overdraw and are never applied twice.
 */
@TestPropertySource(properties = "massrouter.cluster.heartbeat-interval=PT1S")
class TwoProcessesIT extends PlatformIT {

    static final String HEARTBEAT = "--massrouter.cluster.heartbeat-interval=PT1S";
    private static final String THIS_NODE = ManagementFactory.getRuntimeMXBean().getName();

    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Autowired
    JdbcTemplate jdbc;

    /** mock/echo costs 1.00 per million prompt tokens: 100,000 prompt tokens cost exactly 0.10. */
    static Map<String, Object> usage(String requestId) {
        return Map.of("request_id", requestId, "model", "mock/echo", "prompt_tokens", 100_000, "completion_tokens", 0);
    }

    @Test
    void segmentsSplitBetweenProcesses_chargesFromBothNeitherOverdrawNorDouble_andAStoppedNodeHandsOver()
            throws Exception {
        JsonNode user = register(uniqueEmail("two-procs"), "password-123");
        String userId = user.path("user").path("id").asText();
        String token = user.path("tokens").path("access_token").asText();
        fund(api, adminToken(), userId, "2.60");

        try (NodeProcess other = NodeProcess.start(databaseUrl, HEARTBEAT)) {
            // each process ends up owning one of the two segments of every projection
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                for (String processor : List.of("accounts", "users")) {
                    assertThat(owners(processor)).as(processor).hasSize(2)
                            .anyMatch(o -> o.equals(THIS_NODE))
                            .anyMatch(o -> o.startsWith(other.tokenOwnerPrefix()));
                }
            });

            // one request id sent twenty times to both processes at once: charged once
            List<Response> duplicates = AtOnce.run(20, 20, i -> (i % 2 == 0 ? api : other.api())
                    .post("/api/v1/billing/usage", usage("same-request"), token));
            assertThat(duplicates).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
            assertThat(duplicates).allSatisfy(r -> assertThat(r.data().path("balance_after").decimalValue())
                    .isEqualByComparingTo("2.50"));

            // forty charges against a balance for twenty-five, split between the processes
            List<Response> charges = AtOnce.run(40, 16, i -> (i % 2 == 0 ? api : other.api())
                    .post("/api/v1/billing/usage", usage("split-" + i), token));
            assertThat(charges).filteredOn(r -> r.status() == 200).hasSize(25);
            assertThat(charges).filteredOn(r -> r.status() != 200)
                    .allSatisfy(r -> assertThat(r.errorCode()).as(r.toString()).isEqualTo("BILL_001"));

            other.stop();
            // this node takes the stopped node's segments over
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String processor : List.of("accounts", "users")) {
                    assertThat(owners(processor)).as(processor).containsOnly(THIS_NODE);
                }
            });
        }
        // and the read models, now on one node, show every charge
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(balance(api, token).path("total").decimalValue()).isEqualByComparingTo("0");
            assertThat(api.get("/api/v1/billing/transactions?type=consumption&limit=100", token).data()
                    .path("total").asInt()).isEqualTo(26);
        });
        assertThat(chargeEvents("same-request")).isEqualTo(1);
        JsonNode check = api.get("/api/v1/admin/audit/ledger-check", adminToken()).data();
        assertThat(check.path("balanced").asBoolean()).as(check.toString()).isTrue();
    }

    /**
     * {@code kill -9} of a process in the middle of a charge load: every charge it acknowledged is
     * in the log; every charge it did not answer, retried by its client on the surviving node with
     * the same request id, is applied once (it either was already, or is now); the survivor takes
     * the dead node's segments over and its read models catch up; the ledger check is clean. (A
     * fresh process on a database with history is the first test's start; restarting the
     * killed one here would double this test's time.)
     */
    @Test
    void killMinus9_duringAChargeLoad_losesNoAcknowledgedCharge_andDoublesNone() throws Exception {
        JsonNode user = register(uniqueEmail("kill-9"), "password-123");
        String userId = user.path("user").path("id").asText();
        String token = user.path("tokens").path("access_token").asText();
        fund(api, adminToken(), userId, "1000.00");

        ChargeLoad load;
        try (NodeProcess victim = NodeProcess.start(databaseUrl, HEARTBEAT)) {
            load = ChargeLoad.start(List.of(api, victim.api()), token, 8);
            await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged().size() >= 60);
            victim.kill();
            load.stop();
        }
        assertThat(load.acknowledged()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(load.unexpectedAnswers()).isEmpty();
        for (String requestId : load.acknowledged()) {
            assertThat(chargeEvents(requestId)).as(requestId).isEqualTo(1);
        }
        // the killed node's unanswered requests, retried on the survivor, are applied exactly once
        for (String requestId : load.unanswered()) {
            Response retried = api.post("/api/v1/billing/usage", usage(requestId), token);
            assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
            assertThat(chargeEvents(requestId)).as(requestId).isEqualTo(1);
        }
        int charged = load.acknowledged().size() + load.unanswered().size();
        assertThat(totalChargeEvents(userId)).isEqualTo(charged);
        BigDecimal expected = new BigDecimal("1000.00").subtract(new BigDecimal("0.10").multiply(BigDecimal.valueOf(charged)));

        // the survivor takes the dead node's segments over once its claims time out; the read models catch up
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(owners("accounts")).containsOnly(THIS_NODE);
            assertThat(total(api, token)).isEqualByComparingTo(expected);
            assertThat(api.get("/api/v1/billing/transactions?type=consumption&limit=1", token).data()
                    .path("total").asInt()).isEqualTo(charged);
        });
        // the balance the aggregate holds equals the sum of the events: the next charge shows it
        Response next = api.post("/api/v1/billing/usage", usage("after-kill"), token);
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.data().path("balance_after").decimalValue())
                .isEqualByComparingTo(expected.subtract(new BigDecimal("0.10")));
        // the read model takes that last charge a moment later: the check compares once it has
        String admin = adminToken();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode check = api.get("/api/v1/admin/audit/ledger-check", admin).data();
            assertThat(check.path("balanced").asBoolean()).as(check.toString()).isTrue();
            assertThat(check.path("mismatches").size()).as(check.toString()).isZero();
        });
    }

    /** The owners of a processor's segments (one per segment), as Axon writes them into the token table. */
    List<String> owners(String processor) {
        return jdbc.queryForList("SELECT coalesce(owner, '') FROM tokenentry WHERE processorname = ? ORDER BY segment",
                String.class, processor);
    }

    /** How many usage charges the event log holds for one request id. */
    int chargeEvents(String requestId) {
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry
                WHERE payloadtype = 'ai.massrouter.api.account.UsageChargedEvent'
                  AND convert_from(payload, 'UTF8')::jsonb -> 'operationId' ->> 'id' = ?""", Integer.class, requestId);
        return count == null ? 0 : count;
    }

    int totalChargeEvents(String userId) {
        Integer count = jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry
                WHERE payloadtype = 'ai.massrouter.api.account.UsageChargedEvent' AND aggregateidentifier = ?""",
                Integer.class, "acc_" + userId.substring(4));
        return count == null ? 0 : count;
    }

    static BigDecimal total(ApiClient api, String token) {
        return balance(api, token).path("total").decimalValue();
    }
}
