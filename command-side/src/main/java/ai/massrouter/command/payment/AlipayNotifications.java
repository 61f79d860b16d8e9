package ai.massrouter.command.payment;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.payment.PaymentMethod;
import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * Alipay's asynchronous notification: form parameters signed RSA2 (SHA256withRSA over the sorted
 * {@code key=value} pairs without {@code sign}/{@code sign_type}), checked by alipay-sdk-java's
 * {@code AlipaySignature.rsaCheckV1} with Alipay's public key; the {@code app_id} must be ours, and
 * the {@code seller_id} too when {@code MASSROUTER_ALIPAY_SELLER_ID} is set.
 */
@Component
class AlipayNotifications {

    private final PaymentsProperties.Alipay config;

    AlipayNotifications(PaymentsProperties properties) {
        this.config = properties.alipay();
    }

    Notification verify(Map<String, String> params) {
        if (!PaymentsProperties.set(config.publicKey())) {
            throw new InvalidNotificationException("Alipay notifications are not configured (MASSROUTER_ALIPAY_PUBLIC_KEY)");
        }
        if (params.get("sign") == null) {
            throw new InvalidNotificationException("Alipay notification without sign");
        }
        boolean valid;
        try {
            valid = AlipaySignature.rsaCheckV1(params, config.publicKey(), "UTF-8", "RSA2");
        } catch (AlipayApiException e) {
            throw new InvalidNotificationException("Alipay signature could not be checked: " + e.getErrMsg(), e);
        }
        if (!valid) {
            throw new InvalidNotificationException("Alipay signature refused");
        }
        if (!Objects.equals(config.appId(), params.get("app_id"))) {
            throw new InvalidNotificationException("Alipay notification for another app_id: " + params.get("app_id"));
        }
        // an app may collect for several sellers (a service provider's app): only ours pays our orders
        if (PaymentsProperties.set(config.sellerId()) && !config.sellerId().equals(params.get("seller_id"))) {
            throw new InvalidNotificationException("Alipay notification for another seller_id: " + params.get("seller_id"));
        }
        return parse(params);
    }

    private static Notification parse(Map<String, String> params) {
        String reference = params.getOrDefault("out_trade_no", "");
        String source = "alipay:" + params.getOrDefault("notify_id", params.getOrDefault("trade_no", "?"));
        if (!reference.startsWith("pay_")) {
            return Notification.ignored(null, source, "no payment id of ours");
        }
        PaymentId paymentId = PaymentId.of(reference);
        String status = params.getOrDefault("trade_status", "");
        return switch (status) {
            // out_trade_no is the provider order: the payment checks it is an Alipay order opened under it
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> Notification.paid(paymentId, PaymentMethod.ALIPAY, reference,
                    amount(params), params.get("trade_no"), source);
            case "TRADE_CLOSED" -> Notification.failed(paymentId, PaymentMethod.ALIPAY, reference, source,
                    "Alipay closed the trade unpaid");
            default -> Notification.ignored(paymentId, source, "trade_status " + status + " settles nothing");
        };
    }

    /** Alipay collects CNY; {@code total_amount} is in yuan. */
    private static Money amount(Map<String, String> params) {
        try {
            return Money.ofDecimal(new BigDecimal(params.get("total_amount")), "CNY");
        } catch (RuntimeException e) {
            throw new InvalidNotificationException("Alipay notification with an unreadable total_amount");
        }
    }
}
