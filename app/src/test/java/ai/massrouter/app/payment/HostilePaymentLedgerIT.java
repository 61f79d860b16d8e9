package ai.massrouter.app.payment;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.AtOnce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ai.massrouter.app.payment.ProviderNotifications.alipayNotification;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile user against the ledger's payment operations (issue 10, items 2 and 3): metering
 * usage under the ids the server derives for a top-up or a payment refund must neither skip the
 * credit (an order {@code succeeded} that credited nothing) nor the refund's debit (money refunded
 * and kept).
 */
class HostilePaymentLedgerIT extends PaymentITBase {

    @Test
    void paymentRefund_cannotBePreClaimed_soTheRefundedMoneyIsDebited() {
        User user = newUser();
        String paymentId = order(user, "alipay", "20.00", "CNY").path("payment_id").asText();
        assertThat(postAlipay(alipayNotification(paymentId, "20.00", "TRADE_SUCCESS")).raw()).isEqualTo("success");
        awaitAvailable(user, "20.00");
        // the README's example key is refund-1: every spelling of the id a refund with it could derive
        for (String id : List.of("payment-refund:" + paymentId + ":refund_refund-1", "refund_refund-1",
                paymentId + ":refund_refund-1", "payment_refund:" + paymentId + ":refund_refund-1", "refund-1")) {
            assertThat(meterFree(user, id).status()).as(id).isEqualTo(200);
        }

        Response refund = api.send("POST", "/api/v1/admin/payments/" + paymentId + "/refund",
                Map.of("reason", "customer asked"), adminToken(), Map.of("Idempotency-Key", "refund-1"));

        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        assertThat(refund.data().path("status").asText()).isEqualTo("refunded");
        assertThat(refund.data().path("debited").decimalValue()).isEqualByComparingTo("20.00");
        awaitAvailable(user, "0.00");
        assertLedgerBalanced();
    }

    @Test
    void topUp_cannotBePreClaimed_evenByPreClaimsSentAtTheSameMomentAsTheConfirmation() throws Exception {
        User user = newUser();
        String paymentId = order(user, "bank_transfer", "50.00", "CNY").path("payment_id").asText();
        List<String> claims = new ArrayList<>(List.of("topup:" + paymentId, paymentId, "TOPUP:" + paymentId,
                "credit:" + paymentId));
        String admin = adminToken();

        List<Integer> statuses = AtOnce.run(claims.size() + 1, claims.size() + 1, i -> i < claims.size()
                ? meterFree(user, claims.get(i)).status()
                : api.post("/api/v1/admin/payments/" + paymentId + "/confirm", Map.of("amount",
                        new BigDecimal("50.00"), "currency", "CNY", "bank_reference", "line-7"), admin).status());

        assertThat(statuses).containsOnly(200);
        awaitStatus(user, paymentId, "succeeded");
        awaitAvailable(user, "50.00");
        assertThat(topUps(user)).isEqualTo(1);
        assertLedgerBalanced();
    }

    private Response meterFree(User user, String requestId) {
        return api.post("/api/v1/billing/usage", Map.of("request_id", requestId, "model", "mock/free",
                "prompt_tokens", 1000, "completion_tokens", 1000), user.token());
    }
}
