package ai.massrouter.app.account;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored before operation ids had origins (revision 1: one string, the server's own
 * operations with a prefix) still replay: into the account aggregate, which then takes commands
 * at the right balance; into the read models; and through the audit API, as (origin, id).
 */
class LegacyOperationIdsIT extends PlatformIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void revisionOneMoneyEvents_replayAsOperationsWithOrigins() {
        User user = newUser("legacy");
        String userId = user.id();
        String token = user.token();
        String accountId = user.account().value();
        String who = "\"accountId\":\"" + accountId + "\",\"userId\":\"" + userId + "\"";
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/billing/balance", token).status() == 200);

        append(accountId, "ai.massrouter.api.account.TopUpCreditedEvent", "{" + who
                + ",\"operationId\":\"topup:pay_legacy\",\"paymentId\":\"pay_legacy\",\"paymentMethod\":\"alipay\","
                + money("amount", 30) + "," + money("balanceAfter", 30) + ",\"at\":\"2026-11-01T10:00:00Z\"}");
        append(accountId, "ai.massrouter.api.account.BalanceAdjustedEvent", "{" + who
                + ",\"operationId\":\"adjustment:adj-legacy\"," + money("amount", 5) + ",\"reason\":\"bonus\","
                + "\"adjustedBy\":\"usr_admin\"," + money("balanceAfter", 35) + ",\"at\":\"2026-11-01T10:01:00Z\"}");
        append(accountId, "ai.massrouter.api.account.PaymentRefundDebitedEvent", "{" + who
                + ",\"operationId\":\"payment-refund:pay_legacy:refund_r1\",\"paymentId\":\"pay_legacy\","
                + money("amount", 10) + ",\"forced\":false,\"reason\":\"asked\"," + money("balanceAfter", 25)
                + ",\"at\":\"2026-11-01T10:02:00Z\"}");

        // the aggregate folds the old events: a new movement starts from 25.00
        Response adjusted = api.post("/api/v1/admin/accounts/" + userId + "/adjustments",
                Map.of("amount", new BigDecimal("-5.00"), "reason", "correction"), adminToken());
        assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(200);
        assertThat(adjusted.data().path("balance_after").decimalValue()).isEqualByComparingTo("20.00");

        // the read model shows them, under the ids without their old prefixes
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<String> ids = new ArrayList<>();
            api.get("/api/v1/billing/transactions?limit=100", token).data().path("items")
                    .forEach(t -> ids.add(t.path("request_id").asText()));
            assertThat(ids).contains("pay_legacy", "adj-legacy", "pay_legacy:refund_r1");
            assertThat(api.get("/api/v1/billing/balance", token).data().path("available").decimalValue())
                    .isEqualByComparingTo("20.00");
        });

        // the audit API reads the log as (origin, id)
        JsonNode events = api.get("/api/v1/admin/audit/accounts/" + userId + "/events?limit=100", adminToken()).data()
                .path("events");
        List<String> operations = new ArrayList<>();
        events.forEach(e -> {
            JsonNode op = e.path("payload").path("operationId");
            if (op.isObject()) {
                operations.add(op.path("origin").asText() + "/" + op.path("id").asText());
            }
        });
        assertThat(operations).contains("topup/pay_legacy", "adjustment/adj-legacy",
                "payment_refund/pay_legacy:refund_r1");
    }

    private static String money(String field, long yuan) {
        return "\"" + field + "\":{\"nanos\":" + yuan * 1_000_000_000L + ",\"currency\":\"CNY\"}";
    }

    /** Appends an event as the revision-1 code wrote it, after the account's last one. */
    private void append(String accountId, String type, String payload) {
        Long last = jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, accountId);
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp) VALUES (?, ?, 'AccountAggregate', ?, ?, ?, '1', ?, ?)""",
                accountId, last + 1, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), type, "2026-11-01T10:00:00Z");
    }
}
