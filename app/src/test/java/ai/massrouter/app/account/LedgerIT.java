package ai.massrouter.app.account;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.AtOnce;
import ai.massrouter.app.support.PlatformIT;
import ai.massrouter.app.support.SecondNode;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static ai.massrouter.app.support.MoneyFixtures.available;
import static ai.massrouter.app.support.MoneyFixtures.balance;
import static ai.massrouter.app.support.MoneyFixtures.fund;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerIT extends PlatformIT {

    @Value("${spring.datasource.url}")
    String databaseUrl;

    /** mock/echo costs 1.00 per million prompt tokens: 100,000 prompt tokens cost exactly 0.10. */
    private static Map<String, Object> usage(String requestId) {
        return Map.of("request_id", requestId, "model", "mock/echo", "prompt_tokens", 100_000, "completion_tokens", 0);
    }

    private User newUser() {
        return newUser("ledger");
    }

    @Test
    void hundredConcurrentCharges_againstABalanceFor60_chargeExactly60() throws Exception {
        User user = newUser();
        fund(api, adminToken(), user.id(), "6.00");
        List<Response> responses = AtOnce.run(100, 25,
                i -> api.post("/api/v1/billing/usage", usage("concurrent-" + i), user.token()));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(60);
        assertThat(responses).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> assertThat(r.errorCode()).as(r.toString()).isEqualTo("BILL_001"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode balance = balance(api, user.token());
            assertThat(balance.path("total").decimalValue()).isEqualByComparingTo("0");
            assertThat(api.get("/api/v1/billing/transactions?type=consumption&limit=100", user.token()).data()
                    .path("total").asInt()).isEqualTo(60);
        });
        assertLedgerReconciled();
    }

    @Test
    void concurrentCharges_onTwoNodesSharingTheDatabase_neverOverdraw() throws Exception {
        User user = newUser();
        fund(api, adminToken(), user.id(), "2.50");
        try (SecondNode node2 = SecondNode.start(databaseUrl)) {
            List<Response> responses = AtOnce.run(40, 16, i -> (i % 2 == 0 ? api : node2.api())
                    .post("/api/v1/billing/usage", usage("two-nodes-" + i), user.token()));
            // each node's cached account goes stale when the other appends: the loser of a race is retried
            assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(25);
            assertThat(responses).filteredOn(r -> r.status() != 200)
                    .allSatisfy(r -> assertThat(r.errorCode()).as(r.toString()).isEqualTo("BILL_001"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(balance(api, user.token()).path("total").decimalValue()).isEqualByComparingTo("0"));
        assertLedgerReconciled();
    }

    @Test
    void aCreditOnAnotherNode_isSeenByTheNextChargeHere() throws Exception {
        User user = newUser();
        fund(api, adminToken(), user.id(), "0.10");
        // this node now holds the account in its cache, with nothing left to spend
        assertThat(api.post("/api/v1/billing/usage", usage("fresh-1"), user.token()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/billing/usage", usage("fresh-2"), user.token()).errorCode()).isEqualTo("BILL_001");
        try (SecondNode node2 = SecondNode.start(databaseUrl)) {
            String admin = node2.api().post("/api/v1/auth/login",
                    Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), null).data()
                    .path("tokens").path("access_token").asText();
            fund(node2.api(), admin, user.id(), "1.00");
        }
        // a refusal decided on the stale cached copy would append nothing and stand
        Response charged = api.post("/api/v1/billing/usage", usage("fresh-3"), user.token());
        assertThat(charged.status()).as(charged.toString()).isEqualTo(200);
        assertThat(charged.data().path("balance_after").decimalValue()).isEqualByComparingTo("0.90");
    }

    @Test
    void sameRequestId_chargesOnce_andReturnsTheFirstResult() {
        User user = newUser();
        fund(api, adminToken(), user.id(), "1.00");
        Response first = api.post("/api/v1/billing/usage", usage("dup-1"), user.token());
        Response second = api.post("/api/v1/billing/usage", usage("dup-1"), user.token());
        assertThat(first.data().path("status").asText()).isEqualTo("charged");
        assertThat(second.data().path("status").asText()).isEqualTo("duplicate");
        assertThat(second.data().path("balance_after").decimalValue())
                .isEqualByComparingTo(first.data().path("balance_after").decimalValue());
        Awaitility.await().untilAsserted(() -> assertThat(available(api, user.token())).isEqualByComparingTo("0.90"));
    }

    @Test
    void batch_answersRecordByRecord() {
        User user = newUser();
        fund(api, adminToken(), user.id(), "0.25");
        Response response = api.post("/api/v1/billing/usage", Map.of("records", List.of(usage("b-1"), usage("b-2"),
                usage("b-3"), Map.of("request_id", "b-4", "model", "nobody/nothing", "prompt_tokens", 1,
                        "completion_tokens", 1))), user.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode results = response.data().path("results");
        assertThat(results.get(0).path("status").asText()).isEqualTo("charged");
        assertThat(results.get(1).path("status").asText()).isEqualTo("charged");
        assertThat(results.get(2).path("error").path("code").asText()).isEqualTo("BILL_001");
        assertThat(results.get(3).path("error").path("code").asText()).isEqualTo("ERR_004");
        assertThat(response.data().path("charged_total").decimalValue()).isEqualByComparingTo("0.20");
        Response tooMany = api.post("/api/v1/billing/usage", Map.of("records", java.util.Collections.nCopies(1001,
                usage("x"))), user.token());
        assertThat(tooMany.errorCode()).isEqualTo("ERR_001");
        assertThat(api.post("/api/v1/billing/usage", Map.of("request_id", "neg", "model", "mock/echo",
                "prompt_tokens", -1, "completion_tokens", 0), user.token()).json().path("error").path("details")
                .has("prompt_tokens")).isTrue();
    }

    @Test
    void keySpendLimit_isEnforcedLikeTheBalance() {
        User user = newUser();
        fund(api, adminToken(), user.id(), "5.00");
        String key = api.post("/api/v1/users/me/api-keys", Map.of("name", "capped", "permissions",
                List.of("read", "write"), "spend_limit", Map.of("daily", new BigDecimal("0.25"))), user.token())
                .data().path("key").asText();
        assertThat(api.post("/api/v1/billing/usage", usage("k-1"), key).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/billing/usage", usage("k-2"), key).status()).isEqualTo(200);
        Response third = api.post("/api/v1/billing/usage", usage("k-3"), key);
        assertThat(third.status()).isEqualTo(402);
        assertThat(third.errorCode()).isEqualTo("BILL_001");
        assertThat(third.json().path("error").path("details").has("api_key")).isTrue();
        // the user's own JWT is not bound by the key's limit
        assertThat(api.post("/api/v1/billing/usage", usage("k-3"), user.token()).status()).isEqualTo(200);
    }

    @Test
    void idempotencyKey_replaysTheFirstResponse_andRefusesAnotherBody() {
        User user = newUser();
        String admin = adminToken();
        Map<String, String> key = Map.of("Idempotency-Key", "grant-" + user.id());
        Response first = api.send("POST", "/api/v1/admin/accounts/" + user.id() + "/adjustments",
                Map.of("amount", 3, "reason", "grant"), admin, key);
        Response again = api.send("POST", "/api/v1/admin/accounts/" + user.id() + "/adjustments",
                Map.of("amount", 3, "reason", "grant"), admin, key);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        Response other = api.send("POST", "/api/v1/admin/accounts/" + user.id() + "/adjustments",
                Map.of("amount", 30, "reason", "grant"), admin, key);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.errorCode()).isEqualTo("ERR_001");
        Awaitility.await().untilAsserted(() -> assertThat(available(api, user.token())).isEqualByComparingTo("3"));
    }

    @Test
    void balanceAtAPastInstant_isRecomputedFromTheLog() throws Exception {
        User user = newUser();
        String admin = adminToken();
        fund(api, admin, user.id(), "2.50");
        api.post("/api/v1/billing/usage", usage("t-1"), user.token());
        Thread.sleep(50);
        Instant between = Instant.now();
        Thread.sleep(50);
        api.post("/api/v1/billing/usage", usage("t-2"), user.token());
        fund(api, admin, user.id(), "1.00");

        JsonNode then = api.get("/api/v1/admin/audit/accounts/" + user.id() + "/balance?at=" + between, admin).data();
        assertThat(then.path("total").decimalValue()).isEqualByComparingTo("2.40"); // 2.50 - 0.10
        JsonNode now = api.get("/api/v1/admin/audit/accounts/" + user.id() + "/balance?at=" + Instant.now(), admin)
                .data();
        assertThat(now.path("total").decimalValue()).isEqualByComparingTo("3.30"); // 2.50 - 0.10 - 0.10 + 1.00
        JsonNode before = api.get("/api/v1/admin/audit/accounts/" + user.id() + "/balance?at=2020-01-01T00:00:00Z",
                admin).data();
        assertThat(before.path("total").decimalValue()).isEqualByComparingTo("0");

        JsonNode events = api.get("/api/v1/admin/audit/accounts/" + user.id() + "/events?limit=2", admin).data();
        assertThat(events.path("events").get(0).path("type").asText()).endsWith("AccountOpenedEvent");
        assertThat(events.path("events").get(1).path("payload").path("amount").path("nanos").asLong())
                .isEqualTo(2_500_000_000L);
        assertThat(events.path("next_sequence").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/admin/audit/ledger-check", user.token()).errorCode()).isEqualTo("ERR_003");
    }
}
