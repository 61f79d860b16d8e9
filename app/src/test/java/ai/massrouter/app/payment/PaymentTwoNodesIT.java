package ai.massrouter.app.payment;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.SecondNode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static ai.massrouter.app.payment.ProviderNotifications.stripeEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database: each caches aggregates, so the node that runs the payment process
 * (this one: it claimed the process's segments first) may hold a stale copy of an account or a
 * payment that the other node moved.
 */
class PaymentTwoNodesIT extends PaymentITBase {


    @Test
    void refund_onTheNodeThatOpenedTheOrder_seesThePaymentTheOtherNodeSettled() {
        User user = newUser();
        JsonNode order = order(user, "stripe", "10.00", "CNY");
        String paymentId = order.path("payment_id").asText();
        String event = stripeEvent("checkout.session.completed", paymentId, order.path("provider_reference").asText(),
                1000, "cny", "paid");
        try (SecondNode node2 = secondNode()) {
            Response paid = postStripe(node2.port(), event, ProviderSignatures.stripe(event,
                    ProviderKeys.STRIPE_WEBHOOK_SECRET, java.time.Instant.now().getEpochSecond()));
            assertThat(paid.data().path("outcome").asText()).as(paid.toString()).isEqualTo("succeeded");
        }
        awaitAvailable(user, "10.00");
        // this node opened the order: its copy of the payment must not still be "pending"
        Response refund = api.post("/api/v1/admin/payments/" + paymentId + "/refund",
                Map.of("amount", 4, "reason", "customer asked"), adminToken());
        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        awaitAvailable(user, "6.00");
        assertThat(topUps(user)).isEqualTo(1);
        assertLedgerBalanced();
    }
}
