package ai.massrouter.app.payment;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static ai.massrouter.app.payment.ProviderNotifications.alipayNotification;
import static ai.massrouter.app.payment.ProviderNotifications.stripeEvent;
import static ai.massrouter.app.payment.ProviderNotifications.wechatNotification;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile payer with validly signed notifications that are about another order than the one they
 * name: each is refused as the provider expects, recorded in {@code payment_webhook_rejection},
 * credits nothing, and leaves the order open.
 */
class PaymentBindingIT extends PaymentITBase {

    @Test
    void stripeEvent_forABankTransferOrder_completesNothing() {
        User user = newUser();
        JsonNode bank = order(user, "bank_transfer", "500.00", "CNY");
        String paymentId = bank.path("payment_id").asText();
        long before = rejections("stripe");

        // a session paid on our Stripe account (e.g. through a payment link) that carries the order's id
        Response completed = postStripeSigned(stripeEvent("checkout.session.completed", paymentId,
                "cs_test_paymentlink000001", 50000, "cny", "paid"));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(400);
        assertThat(completed.errorCode()).isEqualTo("ERR_001");
        // even naming the transfer's own reference as the session
        Response asReference = postStripeSigned(stripeEvent("checkout.session.completed", paymentId,
                bank.path("provider_reference").asText(), 50000, "cny", "paid"));
        assertThat(asReference.status()).as(asReference.toString()).isEqualTo(400);
        // nor can a "failed" event close someone's transfer
        Response failed = postStripeSigned(stripeEvent("checkout.session.async_payment_failed", paymentId,
                "cs_test_paymentlink000001", 50000, "cny", "unpaid"));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(400);

        assertThat(rejections("stripe")).isEqualTo(before + 3);
        assertThat(payment(user, paymentId).path("status").asText()).isEqualTo("pending");
        assertThat(topUps(user)).isZero();
        assertLedgerBalanced();
    }

    @Test
    void stripeEvent_namingAnotherSessionOfTheSameUser_completesNeitherOrder() {
        User user = newUser();
        JsonNode cheap = order(user, "stripe", "1.00", "CNY");
        JsonNode dear = order(user, "stripe", "900.00", "CNY");
        String dearId = dear.path("payment_id").asText();
        long before = rejections("stripe");

        // the payer paid the cheap session, and Stripe's event for it is presented as the dear order's
        Response refused = postStripeSigned(stripeEvent("checkout.session.completed", dearId,
                cheap.path("provider_reference").asText(), 90000, "cny", "paid"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("ERR_001");
        assertThat(rejections("stripe")).isEqualTo(before + 1);
        assertThat(payment(user, dearId).path("status").asText()).isIn("pending", "expired");
        assertThat(payment(user, cheap.path("payment_id").asText()).path("status").asText()).isIn("pending", "expired");
        assertThat(topUps(user)).isZero();

        // the dear order's own session still settles it
        Response own = postStripeSigned(stripeEvent("checkout.session.completed", dearId,
                dear.path("provider_reference").asText(), 90000, "cny", "paid"));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        awaitAvailable(user, "900.00");
        assertThat(topUps(user)).isEqualTo(1);
        assertLedgerBalanced();
    }

    @Test
    void alipayNotification_forAWechatOrder_completesNothing() {
        User user = newUser();
        String paymentId = order(user, "wechat_pay", "100.00", "CNY").path("payment_id").asText();
        long before = rejections("alipay");

        Response paid = postAlipay(alipayNotification(paymentId, "100.00", "TRADE_SUCCESS"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(400);
        assertThat(paid.raw()).isEqualTo("failure");
        Response closed = postAlipay(alipayNotification(paymentId, "100.00", "TRADE_CLOSED"));
        assertThat(closed.raw()).isEqualTo("failure");

        assertThat(rejections("alipay")).isEqualTo(before + 2);
        assertThat(payment(user, paymentId).path("status").asText()).isIn("pending", "expired");
        assertThat(topUps(user)).isZero();
        assertLedgerBalanced();
    }

    @Test
    void wechatNotification_forAnAlipayOrder_completesNothing() {
        User user = newUser();
        String paymentId = order(user, "alipay", "100.00", "CNY").path("payment_id").asText();
        long before = rejections("wechat_pay");

        String body = wechatNotification(paymentId, 10000, "SUCCESS");
        Response paid = postWechat(body, body);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(400);
        assertThat(paid.json().path("code").asText()).isEqualTo("FAIL");

        assertThat(rejections("wechat_pay")).isEqualTo(before + 1);
        assertThat(payment(user, paymentId).path("status").asText()).isIn("pending", "expired");
        assertThat(topUps(user)).isZero();
        assertLedgerBalanced();
    }

    @Test
    void wechatNotification_forABankTransferOrder_completesNothing() {
        User user = newUser();
        String paymentId = order(user, "bank_transfer", "100.00", "CNY").path("payment_id").asText();

        String body = wechatNotification(paymentId, 10000, "SUCCESS");
        assertThat(postWechat(body, body).status()).isEqualTo(400);
        assertThat(postAlipay(alipayNotification(paymentId, "100.00", "TRADE_SUCCESS")).raw()).isEqualTo("failure");

        assertThat(payment(user, paymentId).path("status").asText()).isEqualTo("pending");
        assertThat(topUps(user)).isZero();
    }
}
