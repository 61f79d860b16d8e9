package ai.massrouter.app.payment;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Notifications as each provider sends them: Stripe events, signed Alipay forms, encrypted WeChat Pay bodies. */
final class ProviderNotifications {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderNotifications() {
    }

    static String stripeEvent(String type, String paymentId, String sessionId, long amountTotal, String currency,
                              String paymentStatus) {
        try {
            return JSON.writeValueAsString(Map.of("id", "evt_" + UUID.randomUUID().toString().replace("-", ""),
                    "object", "event", "type", type, "data", Map.of("object", Map.of("id", sessionId,
                            "object", "checkout.session", "client_reference_id", paymentId,
                            "metadata", Map.of("payment_id", paymentId), "amount_total", amountTotal,
                            "currency", currency, "payment_status", paymentStatus))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> alipayNotification(String paymentId, String totalAmount, String status) {
        return alipayNotification(paymentId, totalAmount, status, ProviderKeys.ALIPAY_SELLER_ID);
    }

    static Map<String, String> alipayNotification(String paymentId, String totalAmount, String status,
                                                  String sellerId) {
        Map<String, String> params = new TreeMap<>(Map.of("notify_time", "2026-12-01 12:00:00",
                "notify_type", "trade_status_sync", "notify_id", "n" + UUID.randomUUID().toString().replace("-", ""),
                "app_id", ProviderKeys.ALIPAY_APP_ID, "charset", "utf-8", "version", "1.0", "sign_type", "RSA2",
                "trade_no", "2026120122001400000000000001", "out_trade_no", paymentId, "trade_status", status));
        params.put("total_amount", totalAmount);
        params.put("seller_id", sellerId);
        params.put("sign", ProviderSignatures.alipay(params, ProviderKeys.privateKey(ProviderKeys.ALIPAY_PLATFORM)));
        return params;
    }

    static String wechatNotification(String paymentId, long totalFen, String tradeState) {
        return wechatNotification(paymentId, totalFen, tradeState, ProviderKeys.WECHAT_APP_ID);
    }

    static String wechatNotification(String paymentId, long totalFen, String tradeState, String appId) {
        try {
            String transaction = JSON.writeValueAsString(Map.of("mchid", ProviderKeys.WECHAT_MERCHANT_ID,
                    "appid", appId, "out_trade_no", paymentId,
                    "transaction_id", "4200000000202612010000000001", "trade_type", "NATIVE",
                    "trade_state", tradeState, "trade_state_desc", "ok", "success_time", "2026-12-01T20:00:00+08:00",
                    "amount", Map.of("total", totalFen, "payer_total", totalFen, "currency", "CNY",
                            "payer_currency", "CNY")));
            String nonce = UUID.randomUUID().toString().substring(0, 12);
            return JSON.writeValueAsString(Map.of("id", "EV-" + UUID.randomUUID(), "create_time",
                    "2026-12-01T20:00:00+08:00", "resource_type", "encrypt-resource",
                    "event_type", "TRANSACTION.SUCCESS", "summary", "ok", "resource", Map.of(
                            "original_type", "transaction", "algorithm", "AEAD_AES_256_GCM",
                            "ciphertext", ProviderSignatures.wechatEncrypt(transaction, ProviderKeys.WECHAT_API_V3_KEY,
                                    nonce, "transaction"),
                            "associated_data", "transaction", "nonce", nonce)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
