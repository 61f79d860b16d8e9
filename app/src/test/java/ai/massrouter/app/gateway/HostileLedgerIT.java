package ai.massrouter.app.gateway;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.AtOnce;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile client with an ordinary account and key, against the ledger's operation ids
 * (issue 10, items 1 and 3). Request ids metered through {@code /billing/usage} are the client's
 * own and live in their own origin: whatever they spell, they never pre-claim the server's
 * settlement of a gateway call, a release, a hold or an administrator's adjustment.
 */
class HostileLedgerIT extends GatewayIT {

    /** Ids a client might try, each shaped like a server operation of request {@code id}. */
    private static List<String> preClaims(String id) {
        return List.of("settle:" + id, "release:" + id, "hold:" + id, id, "settlement:" + id,
                "SETTLE:" + id, "usage:settle:" + id);
    }

    @Test
    void streamedCall_cannotBeMadeFreeByMeteringItsSettlementIdWhileItRuns() throws Exception {
        Consumer consumer = consumer("10.00");
        String model = model("1000.00", "2000.00", "local-a", "slow");
        LocalOpenAiServer.SlowStream slow = new LocalOpenAiServer.SlowStream();
        OPENAI.slowStream = slow;
        String requestId;
        try (InFlightCall call = InFlightCall.open(port, consumer.key(), model)) {
            requestId = call.requestId;
            // the call is in flight, its hold open: pre-claim every id its settlement could have
            for (String id : preClaims(requestId)) {
                Response metered = meter(consumer.key(), id, "mock/free");
                assertThat(metered.status()).as(id + " " + metered).isEqualTo(200);
                assertThat(metered.data().path("status").asText()).isEqualTo("charged");
                assertThat(metered.data().path("request_id").asText()).isEqualTo(id);
            }
            slow.clientGone.countDown();
            assertThat(call.readToEnd()).as("the stream ran to its end").isTrue();
        }

        BigDecimal charged = callCharge(consumer, requestId, model);
        assertThat(charged).isPositive();
        // settled at once, not left to the stale-hold sweep: nothing on hold, the call paid for
        assertThat(settledBalance(consumer).path("available").decimalValue())
                .isEqualByComparingTo(new BigDecimal("10.00").subtract(charged));
    }

    /** Three calls in flight, and all their pre-claims sent at once: every call is still charged. */
    @Test
    void concurrentPreClaims_againstSeveralCallsInFlightCall_neverSkipASettlement() throws Exception {
        Consumer consumer = consumer("20.00");
        String model = model("1000.00", "2000.00", "local-a", "slow");
        LocalOpenAiServer.SlowStream slow = new LocalOpenAiServer.SlowStream();
        OPENAI.slowStream = slow;
        List<InFlightCall> calls = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                calls.add(InFlightCall.open(port, consumer.key(), model));
            }
            List<String> claims = new java.util.ArrayList<>();
            calls.forEach(c -> claims.addAll(preClaims(c.requestId)));
            List<Integer> statuses = AtOnce.run(claims.size(), 8,
                    i -> meter(consumer.key(), claims.get(i), "mock/free").status());
            assertThat(statuses).containsOnly(200);
            slow.clientGone.countDown();
            for (InFlightCall call : calls) {
                assertThat(call.readToEnd()).isTrue();
            }
        } finally {
            for (InFlightCall call : calls) {
                call.close();
            }
        }
        BigDecimal total = BigDecimal.ZERO;
        for (InFlightCall call : calls) {
            BigDecimal charged = callCharge(consumer, call.requestId, model);
            assertThat(charged).isPositive();
            total = total.add(charged);
        }
        assertThat(settledBalance(consumer).path("available").decimalValue())
                .isEqualByComparingTo(new BigDecimal("20.00").subtract(total));
    }

    @Test
    void anAdministratorsClawBack_cannotBePreClaimedByTheUser() {
        Consumer consumer = consumer("5.00");
        String key = "claw-" + consumer.userId();
        for (String id : List.of("adjustment:" + key, key)) {
            assertThat(meter(consumer.key(), id, "mock/free").status()).isEqualTo(200);
        }

        Response clawBack = api.send("POST", "/api/v1/admin/accounts/" + consumer.userId() + "/adjustments",
                Map.of("amount", new BigDecimal("-2.00"), "reason", "chargeback"), adminToken(),
                Map.of("Idempotency-Key", key));

        assertThat(clawBack.status()).as(clawBack.toString()).isEqualTo(200);
        assertThat(clawBack.data().path("replayed").asBoolean()).isFalse();
        assertThat(clawBack.data().path("balance_after").decimalValue()).isEqualByComparingTo("3.00");
        awaitAvailable(consumer, "3.00");
    }

    @Test
    void aUsageRefund_cannotBePreClaimed_andAnAmbiguousIdMustNameItsSource() {
        Consumer consumer = consumer("5.00");
        Response call = post(consumer.key(), chat("mock/echo"));
        assertThat(call.status()).as(call.toString()).isEqualTo(200);
        String requestId = call.header("X-Request-Id");
        BigDecimal cost = callCharge(consumer, requestId, "mock/echo");
        // the user meters a free call under the gateway call's own id, and ids shaped like its refund
        for (String id : List.of(requestId, "refund:" + requestId, "usage_refund:settlement:" + requestId)) {
            assertThat(meter(consumer.key(), id, "mock/free").status()).isEqualTo(200);
        }
        String path = "/api/v1/admin/accounts/" + consumer.userId() + "/refunds";

        Response ambiguous = api.post(path, Map.of("request_id", requestId, "amount", cost, "reason", "bad answer"),
                adminToken());
        assertThat(ambiguous.status()).as(ambiguous.toString()).isEqualTo(400);
        assertThat(ambiguous.json().path("error").path("details").has("source")).isTrue();

        Response refunded = api.post(path, Map.of("request_id", requestId, "source", "gateway", "amount", cost,
                "reason", "bad answer"), adminToken());
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
        assertThat(refunded.data().path("replayed").asBoolean()).isFalse();
        assertThat(refunded.data().path("amount").decimalValue()).isEqualByComparingTo(cost);
        Response again = api.post(path, Map.of("request_id", requestId, "source", "gateway", "amount", cost,
                "reason", "bad answer"), adminToken());
        assertThat(again.data().path("replayed").asBoolean()).isTrue();
        awaitAvailable(consumer, "5.00");
    }

    @Test
    void clientRequestIds_outsideTheDocumentedRule_areErr001_andNothingMoves() {
        Consumer consumer = consumer("1.00");
        for (String id : List.of("", "settle:é", "请求-1", "a b", "x".repeat(129), "id\u0000", "id/with/slash",
                "emoji-\uD83D\uDE00")) {
            Response refused = meter(consumer.key(), id, "mock/echo");
            assertThat(refused.status()).as("'" + id + "' " + refused).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("ERR_001");
            assertThat(refused.json().path("error").path("details").has("request_id")).isTrue();
        }
        for (String id : List.of("a", "x".repeat(128), "A-z_0.9:tail", "settle:chatcmpl-0")) {
            assertThat(meter(consumer.key(), id, "mock/free").status()).as(id).isEqualTo(200);
        }
        Response refusedAdjustment = api.send("POST", "/api/v1/admin/accounts/" + consumer.userId() + "/adjustments",
                Map.of("amount", new BigDecimal("1.00"), "reason", "bonus"), adminToken(),
                Map.of("Idempotency-Key", "clé invalide"));
        assertThat(refusedAdjustment.status()).as(refusedAdjustment.toString()).isEqualTo(400);
        awaitAvailable(consumer, "1.00");
    }

    /** The gateway call's own charge (the user also metered free calls under its request id). */
    private BigDecimal callCharge(Consumer consumer, String requestId, String model) {
        java.util.concurrent.atomic.AtomicReference<BigDecimal> found = new java.util.concurrent.atomic.AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode t : api.get("/api/v1/billing/transactions?type=consumption&limit=100", consumer.jwt()).data()
                    .path("items")) {
                if (t.path("request_id").asText().equals(requestId) && t.path("model").asText().equals(model)) {
                    found.set(t.path("amount").decimalValue().negate());
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    private Response meter(String key, String requestId, String model) {
        return api.post("/api/v1/billing/usage", Map.of("request_id", requestId, "model", model, "prompt_tokens", 10,
                "completion_tokens", 10), key);
    }

    private void awaitAvailable(Consumer consumer, String amount) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/billing/balance", consumer.jwt()).data().path("available").decimalValue())
                        .isEqualByComparingTo(amount));
    }
}
