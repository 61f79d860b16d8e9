package ai.massrouter.app.payment;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.awaitility.Awaitility;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import static ai.massrouter.app.payment.ProviderNotifications.alipayNotification;
import static ai.massrouter.app.payment.ProviderNotifications.stripeEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** Bank transfers confirmed by an administrator, and refunds debiting the account. */
class PaymentBankTransferAndRefundIT extends PaymentITBase {

    private static Map<String, Object> received(String amount) {
        return Map.of("amount", new BigDecimal(amount), "currency", "CNY", "bank_reference", "bank-statement-line-1");
    }

    @Test
    void bankTransfer_givesInstructions_andIsCreditedOnceWhenAnAdministratorConfirmsIt() {
        User user = newUser();
        JsonNode order = order(user, "bank_transfer", "500.00", "CNY");
        String paymentId = order.path("payment_id").asText();
        JsonNode instructions = order.path("bank_transfer");
        assertThat(instructions.path("account_number").asText()).isEqualTo("6222000011112222");
        assertThat(instructions.path("bank_name").asText()).isEqualTo("Test Bank");
        assertThat(instructions.path("reference").asText()).startsWith("MR-").hasSize(19);
        assertThat(payment(user, paymentId).path("bank_transfer").path("reference").asText())
                .isEqualTo(instructions.path("reference").asText());

        String path = "/api/v1/admin/payments/" + paymentId + "/confirm";
        assertThat(api.post(path, received("500.00"), user.token()).errorCode()).isEqualTo("ERR_003");
        String admin = adminToken();
        Response confirmed = api.post(path, received("500.00"), admin);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.data().path("status").asText()).isEqualTo("succeeded");
        assertThat(api.post(path, received("500.00"), admin).data().path("duplicate").asBoolean()).isTrue();
        awaitAvailable(user, "500.00");
        assertThat(topUps(user)).isEqualTo(1);
        assertLedgerBalanced();
    }

    @Test
    void bankTransfer_ofTheWrongAmount_failsWithBill002_andAProviderPaymentCannotBeConfirmedByHand() {
        User user = newUser();
        String paymentId = order(user, "bank_transfer", "500.00", "CNY").path("payment_id").asText();
        Response wrong = api.post("/api/v1/admin/payments/" + paymentId + "/confirm", received("499.00"), adminToken());
        assertThat(wrong.status()).isEqualTo(402);
        assertThat(wrong.errorCode()).isEqualTo("BILL_002");
        awaitStatus(user, paymentId, "failed");
        assertThat(topUps(user)).isZero();

        String stripe = order(user, "stripe", "5.00", "CNY").path("payment_id").asText();
        assertThat(api.post("/api/v1/admin/payments/" + stripe + "/confirm", received("5.00"), adminToken()).errorCode())
                .isEqualTo("ERR_001");
    }

    @Test
    void bankTransfer_confirmedWithAZeroNegativeOrOverPreciseAmount_isATypo_notAFailedPayment() {
        User user = newUser();
        String paymentId = order(user, "bank_transfer", "500.00", "CNY").path("payment_id").asText();
        String path = "/api/v1/admin/payments/" + paymentId + "/confirm";
        String admin = adminToken();
        for (String typo : new String[] {"-500.00", "0", "500.001"}) {
            Response refused = api.post(path, received(typo), admin);
            assertThat(refused.status()).as(typo + " " + refused).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("ERR_001");
            assertThat(refused.json().path("error").path("details").has("amount")).isTrue();
        }
        Response confirmed = api.post(path, received("500.00"), admin);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.data().path("status").asText()).isEqualTo("succeeded");
        awaitAvailable(user, "500.00");
    }

    @Test
    void refunds_debitTheAccount_partlyOrFully_andAreRefusedWithBill001WhenTheMoneyWasSpent() {
        User user = newUser();
        String paymentId = order(user, "alipay", "100.00", "CNY").path("payment_id").asText();
        assertThat(postAlipay(alipayNotification(paymentId, "100.00", "TRADE_SUCCESS")).raw()).isEqualTo("success");
        awaitAvailable(user, "100.00");
        String admin = adminToken();
        String path = "/api/v1/admin/payments/" + paymentId + "/refund";

        Map<String, String> key = Map.of("Idempotency-Key", "refund-30-" + paymentId);
        Response partial = api.send("POST", path, Map.of("amount", 30, "reason", "customer asked"), admin, key);
        assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
        assertThat(partial.data().path("status").asText()).isEqualTo("refunded");
        assertThat(partial.data().path("debited").decimalValue()).isEqualByComparingTo("30");
        assertThat(api.send("POST", path, Map.of("amount", 30, "reason", "customer asked"), admin, key)
                .header("Idempotent-Replayed")).isEqualTo("true");
        awaitAvailable(user, "70.00");
        // the payments read model has its own processor: it may be a moment behind the balance
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(payment(user, paymentId)
                .path("refunded_amount").decimalValue()).isEqualByComparingTo("30"));
        assertThat(payment(user, paymentId).path("status").asText()).isEqualTo("succeeded");

        // the user spends 60 of the 70 left
        Response spent = api.post("/api/v1/billing/usage", Map.of("request_id", "spend-" + paymentId, "model", "mock/echo",
                "prompt_tokens", 60_000_000, "completion_tokens", 0), user.token());
        assertThat(spent.status()).as(spent.toString()).isEqualTo(200);
        Response refused = api.post(path, Map.of("reason", "rest of it"), admin);
        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.errorCode()).isEqualTo("BILL_001");
        assertThat(api.post(path, Map.of("force", true), admin).errorCode()).isEqualTo("ERR_001");
        awaitAvailable(user, "10.00");

        Response forced = api.post(path, Map.of("force", true, "reason", "chargeback: money already returned"), admin);
        assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
        assertThat(forced.data().path("amount").decimalValue()).isEqualByComparingTo("70");
        assertThat(forced.data().path("forced").asBoolean()).isTrue();
        awaitAvailable(user, "-60.00");
        awaitStatus(user, paymentId, "refunded");
        assertThat(payment(user, paymentId).path("refunded_amount").decimalValue()).isEqualByComparingTo("100");
        assertThat(api.post(path, Map.of("amount", 1), admin).errorCode()).isEqualTo("ERR_001");
        assertThat(api.post(path, Map.of("amount", 1), user.token()).errorCode()).isEqualTo("ERR_003");
        assertLedgerBalanced();
    }

    @Test
    void pendingOrder_expiresByDeadline_andALateSuccessIsStillHonoured() {
        User user = newUser();
        JsonNode order = order(user, "stripe", "20.00", "CNY");
        String paymentId = order.path("payment_id").asText();
        Long scheduled = jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_data IS NOT NULL",
                Long.class);
        assertThat(scheduled).as("the expiry is a persisted deadline").isPositive();
        awaitStatus(user, paymentId, "expired");
        JsonNode expired = payment(user, paymentId);
        assertThat(expired.path("expired_at").asText()).isEqualTo(expired.path("expires_at").asText());

        Response late = postStripeSigned(stripeEvent("checkout.session.completed", paymentId,
                order.path("provider_reference").asText(), 2000, "cny", "paid"));
        assertThat(late.data().path("outcome").asText()).isEqualTo("succeeded");
        awaitStatus(user, paymentId, "succeeded");
        assertThat(payment(user, paymentId).path("late").asBoolean()).isTrue();
        awaitAvailable(user, "20.00");
        assertThat(topUps(user)).isEqualTo(1);
        assertLedgerBalanced();
    }
}
