package ai.massrouter.app.payment;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import ai.massrouter.app.support.AtOnce;
import ai.massrouter.app.support.SecondNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ai.massrouter.app.payment.ProviderNotifications.stripeEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** Stripe end to end: a Checkout Session through the API, then signed webhooks over HTTP. */
class PaymentStripeIT extends PaymentITBase {

    @Test
    void order_createsACheckoutSession_carryingOurPaymentId_andConvertsAtTheConfiguredRate() {
        User user = newUser();
        JsonNode order = order(user, "stripe", "10.00", "USD");
        String paymentId = order.path("payment_id").asText();
        assertThat(order.path("status").asText()).isEqualTo("pending");
        assertThat(order.path("checkout_url").asText()).startsWith("https://checkout.stripe.test/c/pay/cs_test_");
        assertThat(order.path("credit_amount").decimalValue()).isEqualByComparingTo("71.00");
        assertThat(order.path("credit_currency").asText()).isEqualTo("CNY");
        assertThat(order.path("fx_rate").decimalValue()).isEqualByComparingTo("7.1");

        Map<String, String> session = FakeProviders.stripeSessions.stream()
                .filter(s -> paymentId.equals(s.get("client_reference_id"))).findFirst().orElseThrow();
        assertThat(session).containsEntry("metadata[payment_id]", paymentId)
                .containsEntry("line_items[0][price_data][unit_amount]", "1000")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("mode", "payment").containsEntry("Idempotency-Key", paymentId);
        JsonNode shown = payment(user, paymentId);
        assertThat(shown.path("status").asText()).isEqualTo("pending");
        assertThat(shown.path("payment_method").asText()).isEqualTo("stripe");
        assertThat(shown.path("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(shown.path("provider_reference").asText()).isEqualTo(order.path("provider_reference").asText());
        // another user does not see it
        assertThat(api.get("/api/v1/billing/payments/" + paymentId, newUser().token()).errorCode()).isEqualTo("ERR_004");
    }

    @Test
    void completedSession_creditsOnce_howeverOftenItIsDelivered() {
        User user = newUser();
        JsonNode order = order(user, "stripe", "10.00", "USD");
        String paymentId = order.path("payment_id").asText();
        String event = stripeEvent("checkout.session.completed", paymentId, order.path("provider_reference").asText(),
                1000, "usd", "paid");
        Response first = postStripeSigned(event);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.data().path("outcome").asText()).isIn("succeeded", "duplicate");
        for (int i = 0; i < 3; i++) {
            Response again = postStripeSigned(event);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.data().path("outcome").asText()).isEqualTo("duplicate");
        }
        awaitStatus(user, paymentId, "succeeded");
        awaitAvailable(user, "71.00");
        assertThat(topUps(user)).isEqualTo(1);
        assertThat(payment(user, paymentId).path("paid_at").isTextual()).isTrue();
        assertLedgerBalanced();
    }

    @Test
    void tenConcurrentIdenticalNotifications_creditOnce() throws Exception {
        User user = newUser();
        JsonNode order = order(user, "stripe", "25.00", "CNY");
        String paymentId = order.path("payment_id").asText();
        String event = stripeEvent("checkout.session.completed", paymentId, order.path("provider_reference").asText(),
                2500, "cny", "paid");
        String signature = ProviderSignatures.stripe(event, ProviderKeys.STRIPE_WEBHOOK_SECRET, Instant.now().getEpochSecond());
        List<String> outcomes = new ArrayList<>();
        for (Response response : AtOnce.run(10, 10, i -> postStripe(event, signature))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            outcomes.add(response.data().path("outcome").asText());
        }
        assertThat(outcomes).filteredOn("succeeded"::equals).hasSizeLessThanOrEqualTo(1);
        assertThat(outcomes).filteredOn("duplicate"::equals).hasSizeGreaterThanOrEqualTo(9);
        awaitAvailable(user, "25.00");
        assertThat(topUps(user)).isEqualTo(1);
        assertLedgerBalanced();
    }

    @Test
    void identicalNotifications_toTwoNodesAtOnce_creditOnce() throws Exception {
        User user = newUser();
        JsonNode order = order(user, "stripe", "12.00", "CNY");
        String paymentId = order.path("payment_id").asText();
        String event = stripeEvent("checkout.session.completed", paymentId, order.path("provider_reference").asText(),
                1200, "cny", "paid");
        String signature = ProviderSignatures.stripe(event, ProviderKeys.STRIPE_WEBHOOK_SECRET, Instant.now().getEpochSecond());
        try (SecondNode node2 = secondNode()) {
            List<Response> responses = AtOnce.run(10, 10, i -> postStripe(i % 2 == 0 ? port : node2.port(), event,
                    signature));
            // the loser of a race between the nodes is retried into a "duplicate", never a 500
            assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        }
        awaitAvailable(user, "12.00");
        assertThat(topUps(user)).isEqualTo(1);
        assertLedgerBalanced();
    }

    @Test
    void tamperedBody_badSecret_orStaleTimestamp_areRefused_recorded_andCreditNothing() {
        User user = newUser();
        JsonNode order = order(user, "stripe", "10.00", "CNY");
        String paymentId = order.path("payment_id").asText();
        String session = order.path("provider_reference").asText();
        String event = stripeEvent("checkout.session.completed", paymentId, session, 1000, "cny", "paid");
        long now = Instant.now().getEpochSecond();
        long before = rejections("stripe");

        String tampered = event.replace("\"amount_total\":1000", "\"amount_total\":100000");
        assertThat(tampered).isNotEqualTo(event);
        Response forged = postStripe(tampered, ProviderSignatures.stripe(event, ProviderKeys.STRIPE_WEBHOOK_SECRET, now));
        Response wrongSecret = postStripe(event, ProviderSignatures.stripe(event, "whsec_someone_else", now));
        Response stale = postStripe(event, ProviderSignatures.stripe(event, ProviderKeys.STRIPE_WEBHOOK_SECRET, now - 3600));
        Response unsigned = postRaw("/api/v1/billing/webhooks/stripe", event, "application/json", Map.of());
        for (Response refused : List.of(forged, wrongSecret, stale, unsigned)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo("ERR_002");
        }
        Response unknown = postStripeSigned(stripeEvent("checkout.session.completed", "pay_nobodysorder", session, 1000,
                "cny", "paid"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("ERR_004");
        assertThat(rejections("stripe")).isEqualTo(before + 5);
        // pending, or expired by now on a slow machine: never succeeded
        assertThat(payment(user, paymentId).path("status").asText()).isIn("pending", "expired");
        assertThat(topUps(user)).isZero();
    }

    @Test
    void amountOrCurrencyMismatch_failsThePaymentWithBill002_andCreditsNothing() {
        User user = newUser();
        JsonNode order = order(user, "stripe", "10.00", "CNY");
        String paymentId = order.path("payment_id").asText();
        Response response = postStripeSigned(stripeEvent("checkout.session.completed", paymentId,
                order.path("provider_reference").asText(), 999, "cny", "paid"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().path("outcome").asText()).isEqualTo("failed");
        assertThat(response.data().path("error_code").asText()).isEqualTo("BILL_002");
        awaitStatus(user, paymentId, "failed");
        JsonNode failed = payment(user, paymentId);
        assertThat(failed.path("failure").path("code").asText()).isEqualTo("BILL_002");
        // the right amount afterwards does not revive it
        postStripeSigned(stripeEvent("checkout.session.completed", paymentId, order.path("provider_reference").asText(),
                1000, "cny", "paid"));

        JsonNode other = order(user, "stripe", "10.00", "CNY");
        postStripeSigned(stripeEvent("checkout.session.completed", other.path("payment_id").asText(),
                other.path("provider_reference").asText(), 1000, "usd", "paid"));
        awaitStatus(user, other.path("payment_id").asText(), "failed");
        assertThat(topUps(user)).isZero();
        assertThat(api.get("/api/v1/billing/balance", user.token()).data().path("available").decimalValue())
                .isEqualByComparingTo("0");
    }

    @Test
    void delayedMethod_settlesOnAsyncSuccess_orFailsOnAsyncFailure() {
        User user = newUser();
        JsonNode order = order(user, "stripe", "5.00", "CNY");
        String paymentId = order.path("payment_id").asText();
        String session = order.path("provider_reference").asText();
        Response processing = postStripeSigned(stripeEvent("checkout.session.completed", paymentId, session, 500, "cny",
                "unpaid"));
        assertThat(processing.data().path("outcome").asText()).isEqualTo("ignored");
        // only a session whose payment_status is "paid" credits, whatever the event's type
        Response notPaid = postStripeSigned(stripeEvent("checkout.session.async_payment_succeeded", paymentId, session,
                500, "cny", "unpaid"));
        assertThat(notPaid.data().path("outcome").asText()).as(notPaid.toString()).isEqualTo("ignored");
        postStripeSigned(stripeEvent("checkout.session.async_payment_succeeded", paymentId, session, 500, "cny", "paid"));
        awaitAvailable(user, "5.00");

        JsonNode declined = order(user, "stripe", "5.00", "CNY");
        postStripeSigned(stripeEvent("checkout.session.async_payment_failed", declined.path("payment_id").asText(),
                declined.path("provider_reference").asText(), 500, "cny", "unpaid"));
        awaitStatus(user, declined.path("payment_id").asText(), "failed");
        assertThat(topUps(user)).isEqualTo(1);
    }

    @Test
    void idempotencyKey_opensOnePayment_andOtherCurrenciesAreRefusedClearly() {
        User user = newUser();
        Map<String, Object> body = Map.of("amount", new BigDecimal("12.00"), "currency", "CNY", "payment_method", "stripe");
        Map<String, String> key = Map.of("Idempotency-Key", "topup-" + user.id());
        Response first = api.send("POST", "/api/v1/billing/payments", body, user.token(), key);
        Response again = api.send("POST", "/api/v1/billing/payments", body, user.token(), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.data().path("payment_id").asText()).isEqualTo(first.data().path("payment_id").asText());

        Response euro = api.post("/api/v1/billing/payments", Map.of("amount", 10, "currency", "EUR",
                "payment_method", "stripe"), user.token());
        assertThat(euro.status()).isEqualTo(400);
        assertThat(euro.json().path("error").path("message").asText()).contains("MASSROUTER_FX_RATES");
        Response tooPrecise = api.post("/api/v1/billing/payments", Map.of("amount", new BigDecimal("1.001"),
                "currency", "CNY", "payment_method", "stripe"), user.token());
        assertThat(tooPrecise.json().path("error").path("details").has("amount")).isTrue();
        Response unknown = api.post("/api/v1/billing/payments", Map.of("amount", 1, "payment_method", "paypal"),
                user.token());
        assertThat(unknown.json().path("error").path("details").has("payment_method")).isTrue();
    }
}
