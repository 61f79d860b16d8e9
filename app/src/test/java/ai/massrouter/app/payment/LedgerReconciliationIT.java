package ai.massrouter.app.payment;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static ai.massrouter.app.payment.ProviderNotifications.stripeEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger check reconciles a log of real money flows: top-ups by bank transfer and by Stripe in
 * another currency, partial refunds of both, gateway calls held and settled. Nothing is a break,
 * and the flows it counted are those that happened.
 */
class LedgerReconciliationIT extends PaymentITBase {

    @Test
    void paymentsRefundsAndGatewayCalls_reconcileFromBothSides() {
        User user = newUser();
        String admin = adminToken();
        String bankId = order(user, "bank_transfer", "100.00", "CNY").path("payment_id").asText();
        Response confirmed = api.post("/api/v1/admin/payments/" + bankId + "/confirm", Map.of("amount",
                new BigDecimal("100.00"), "currency", "CNY", "bank_reference", "statement-1"), admin);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        JsonNode stripe = order(user, "stripe", "10.00", "USD");
        String stripeId = stripe.path("payment_id").asText();
        Response paid = postStripeSigned(stripeEvent("checkout.session.completed", stripeId,
                stripe.path("provider_reference").asText(), 1000, "usd", "paid"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        awaitAvailable(user, "171.00"); // 100 + 10 USD at 7.10

        refund(admin, bankId, 20);
        refund(admin, stripeId, 1); // 1 USD: debits 7.10
        awaitAvailable(user, "143.90");

        Response key = api.post("/api/v1/users/me/api-keys", Map.of("name", "reconciliation",
                "permissions", List.of("read", "write")), user.token());
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        String apiKey = key.data().path("key").asText();
        for (int i = 0; i < 3; i++) {
            Response call = api.post("/v1/chat/completions", Map.of("model", "mock/echo", "messages",
                    List.of(Map.of("role", "user", "content", "reconcile me " + i))), apiKey);
            assertThat(call.status()).as(call.toString()).isEqualTo(200);
        }

        JsonNode check = assertLedgerReconciled();
        JsonNode flows = check.path("flows");
        assertThat(flows.path("payments_succeeded").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(flows.path("top_up_credits").asLong()).isEqualTo(flows.path("payments_succeeded").asLong());
        assertThat(flows.path("payment_refunds").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(flows.path("refund_debits").asLong()).isEqualTo(flows.path("payment_refunds").asLong());
        assertThat(flows.path("gateway_calls").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(check.path("events_read").asLong()).isGreaterThan(0);
    }

    @Test
    void ledgerCheck_refusesAGraceThatIsNoDuration_andNonAdmins() {
        assertThat(api.get("/api/v1/admin/audit/ledger-check?grace=5m", adminToken()).errorCode()).isEqualTo("ERR_001");
        assertThat(api.get("/api/v1/admin/audit/ledger-check?grace=-PT1S", adminToken()).errorCode())
                .isEqualTo("ERR_001");
        assertThat(api.get("/api/v1/admin/audit/ledger-check", newUser().token()).errorCode()).isEqualTo("ERR_003");
    }

    private void refund(String admin, String paymentId, int amount) {
        Response refunded = api.send("POST", "/api/v1/admin/payments/" + paymentId + "/refund", Map.of("amount", amount,
                "reason", "customer asked"), admin, Map.of("Idempotency-Key", "recon-" + paymentId));
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
        assertThat(refunded.data().path("status").asText()).isEqualTo("refunded");
    }
}
