package ai.massrouter.app.payment;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static ai.massrouter.app.payment.ProviderNotifications.alipayNotification;
import static ai.massrouter.app.payment.ProviderNotifications.wechatNotification;
import static org.assertj.core.api.Assertions.assertThat;

/** Alipay (RSA2) and WeChat Pay v3 (RSA signature, AES-GCM resource) end to end over HTTP. */
class PaymentChinaProvidersIT extends PaymentITBase {

    @Test
    void alipay_precreateGivesAQrCode_andASignedNotificationCreditsOnce() {
        User user = newUser();
        JsonNode order = order(user, "alipay", "100.00", "CNY");
        String paymentId = order.path("payment_id").asText();
        assertThat(order.path("qr_code").asText()).isEqualTo("https://qr.alipay.test/bax0" + paymentId);
        Map<String, String> request = FakeProviders.alipayOrders.stream()
                .filter(p -> p.get("biz_content").contains(paymentId)).findFirst().orElseThrow();
        assertThat(request).containsEntry("app_id", ProviderKeys.ALIPAY_APP_ID).containsEntry("sign_type", "RSA2")
                .containsEntry("notify_url", "http://localhost:8080/api/v1/billing/webhooks/alipay");
        assertThat(request.get("biz_content")).contains("\"total_amount\":\"100.00\"");

        Map<String, String> notification = alipayNotification(paymentId, "100.00", "TRADE_SUCCESS");
        Response first = postAlipay(notification);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.raw()).isEqualTo("success");
        assertThat(postAlipay(notification).raw()).isEqualTo("success");
        awaitStatus(user, paymentId, "succeeded");
        awaitAvailable(user, "100.00");
        assertThat(topUps(user)).isEqualTo(1);
        assertLedgerBalanced();
    }

    @Test
    void alipay_tamperedAmountOrForeignSignature_isRefused_recorded_andCreditsNothing() {
        User user = newUser();
        String paymentId = order(user, "alipay", "100.00", "CNY").path("payment_id").asText();
        long before = rejections("alipay");
        Map<String, String> tampered = new HashMap<>(alipayNotification(paymentId, "100.00", "TRADE_SUCCESS"));
        tampered.put("total_amount", "1000.00");
        Response refused = postAlipay(tampered);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).isEqualTo("failure");

        Map<String, String> forged = new HashMap<>(alipayNotification(paymentId, "100.00", "TRADE_SUCCESS"));
        forged.put("sign", ProviderSignatures.alipay(forged, ProviderKeys.privateKey(ProviderKeys.ALIPAY_APP)));
        assertThat(postAlipay(forged).status()).isEqualTo(400);
        // signed by Alipay for our app, but collected by another seller the app acts for
        Response otherSeller = postAlipay(alipayNotification(paymentId, "100.00", "TRADE_SUCCESS", "2088999999999999"));
        assertThat(otherSeller.status()).as(otherSeller.toString()).isEqualTo(400);
        assertThat(otherSeller.raw()).isEqualTo("failure");
        assertThat(rejections("alipay")).isEqualTo(before + 3);
        assertThat(payment(user, paymentId).path("status").asText()).isIn("pending", "expired");
        assertThat(topUps(user)).isZero();
    }

    @Test
    void alipay_collectsCnyOnly() {
        Response usd = api.post("/api/v1/billing/payments", Map.of("amount", 10, "currency", "USD",
                "payment_method", "alipay"), newUser().token());
        assertThat(usd.status()).isEqualTo(400);
        assertThat(usd.json().path("error").path("details").path("currency").asText()).contains("CNY only");
    }

    @Test
    void wechatPay_nativeOrderGivesACodeUrl_andAnEncryptedSignedNotificationCreditsOnce() {
        User user = newUser();
        JsonNode order = order(user, "wechat_pay", "88.80", "CNY");
        String paymentId = order.path("payment_id").asText();
        assertThat(order.path("qr_code").asText()).startsWith("weixin://wxpay/bizpayurl?pr=");
        JsonNode request = FakeProviders.wechatOrders.stream()
                .filter(o -> o.path("out_trade_no").asText().equals(paymentId)).findFirst().orElseThrow();
        assertThat(request.path("amount").path("total").asLong()).isEqualTo(8880);
        assertThat(request.path("mchid").asText()).isEqualTo(ProviderKeys.WECHAT_MERCHANT_ID);

        String body = wechatNotification(paymentId, 8880, "SUCCESS");
        Response first = postWechat(body, body);
        assertThat(first.status()).as(first.toString()).isEqualTo(204);
        assertThat(postWechat(body, body).status()).isEqualTo(204);
        awaitStatus(user, paymentId, "succeeded");
        awaitAvailable(user, "88.80");
        assertThat(topUps(user)).isEqualTo(1);
        assertLedgerBalanced();
    }

    @Test
    void wechatPay_badSignatureOrStaleTimestamp_isRefusedWithFail_andAMismatchFailsThePayment() {
        User user = newUser();
        String paymentId = order(user, "wechat_pay", "10.00", "CNY").path("payment_id").asText();
        long before = rejections("wechat_pay");
        String genuine = wechatNotification(paymentId, 1000, "SUCCESS");
        Response forged = postWechat(wechatNotification(paymentId, 100000, "SUCCESS"), genuine);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().path("code").asText()).isEqualTo("FAIL");
        Response replayed = postWechat(genuine, genuine, Instant.now().minusSeconds(3600));
        assertThat(replayed.status()).as("a signed but hour-old notification").isEqualTo(401);
        assertThat(rejections("wechat_pay")).isEqualTo(before + 2);
        assertThat(topUps(user)).isZero();

        // signed by WeChat Pay for our merchant, but paid to another of its apps
        String otherApp = wechatNotification(paymentId, 1000, "SUCCESS", "wx_another_app_of_the_merchant");
        Response foreign = postWechat(otherApp, otherApp);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(401);
        assertThat(foreign.json().path("message").asText()).contains("appid");
        assertThat(rejections("wechat_pay")).isEqualTo(before + 3);
        assertThat(payment(user, paymentId).path("status").asText()).isIn("pending", "expired");
        assertThat(topUps(user)).isZero();

        String wrongAmount = wechatNotification(paymentId, 999, "SUCCESS");
        assertThat(postWechat(wrongAmount, wrongAmount).status()).isEqualTo(204);
        awaitStatus(user, paymentId, "failed");
        assertThat(payment(user, paymentId).path("failure").path("code").asText()).isEqualTo("BILL_002");
        assertThat(topUps(user)).isZero();
    }
}
