package ai.massrouter.command.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.payment.PaymentMethod;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * WeChat Pay v3 notifications: {@code Wechatpay-Signature} is SHA256withRSA over
 * {@code timestamp\nnonce\nbody\n}, verified with WeChat Pay's public key, and the payment is in
 * {@code resource}, AES-256-GCM encrypted with the APIv3 key: wechatpay-java's
 * {@code NotificationParser} does both. A timestamp more than 5 minutes off is refused as a replay;
 * the decrypted {@code mchid} and {@code appid} must be ours.
 */
@Component
class WechatPayNotifications {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final WechatPayConfigs configs;
    private final java.time.Clock clock;

    WechatPayNotifications(WechatPayConfigs configs, java.time.Clock clock) {
        this.configs = configs;
        this.clock = clock;
    }

    Notification verify(String body, String serial, String signature, String timestamp, String nonce,
                        String signType) {
        if (!configs.configured()) {
            throw new InvalidNotificationException("WeChat Pay notifications are not configured (" + WechatPayConfigs.SETTINGS + ")");
        }
        if (serial == null || signature == null || timestamp == null || nonce == null) {
            throw new InvalidNotificationException("Missing Wechatpay-Serial/-Signature/-Timestamp/-Nonce header");
        }
        ensureFresh(timestamp);
        Transaction transaction;
        try {
            transaction = new NotificationParser(configs.config()).parse(new RequestParam.Builder().serialNumber(serial)
                    .signature(signature).timestamp(timestamp).nonce(nonce)
                    .signType(signType == null ? "WECHATPAY2-SHA256-RSA2048" : signType).body(body).build(),
                    Transaction.class);
        } catch (RuntimeException e) {
            throw new InvalidNotificationException("WeChat Pay notification refused: " + e.getMessage(), e);
        }
        if (!configs.settings().merchantId().equals(transaction.getMchid())) {
            throw new InvalidNotificationException("WeChat Pay notification for another merchant: " + transaction.getMchid());
        }
        // a merchant may pay for several apps: only a payment to ours is one of our orders
        if (!configs.settings().appId().equals(transaction.getAppid())) {
            throw new InvalidNotificationException("WeChat Pay notification for another appid: " + transaction.getAppid());
        }
        return parse(transaction);
    }

    private void ensureFresh(String timestamp) {
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp));
            if (Duration.between(at, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
                throw new InvalidNotificationException("WeChat Pay notification timestamp outside the 5 minute tolerance");
            }
        } catch (NumberFormatException e) {
            throw new InvalidNotificationException("Wechatpay-Timestamp is not a number");
        }
    }

    private static Notification parse(Transaction t) {
        String reference = t.getOutTradeNo() == null ? "" : t.getOutTradeNo();
        String source = "wechat_pay:" + t.getTransactionId();
        if (!reference.startsWith("pay_")) {
            return Notification.ignored(null, source, "no payment id of ours");
        }
        PaymentId paymentId = PaymentId.of(reference);
        String state = t.getTradeState() == null ? "" : t.getTradeState().name();
        return switch (state) {
            case "SUCCESS" -> {
                if (t.getAmount() == null || t.getAmount().getTotal() == null) {
                    throw new InvalidNotificationException("WeChat Pay transaction without amount");
                }
                String currency = t.getAmount().getCurrency() == null ? "CNY" : t.getAmount().getCurrency();
                try {
                    yield Notification.paid(paymentId, PaymentMethod.WECHAT_PAY, reference,
                            FxRates.fromMinorUnits(t.getAmount().getTotal(), currency), t.getTransactionId(), source);
                } catch (IllegalArgumentException e) {
                    throw new InvalidNotificationException("WeChat Pay transaction in an unknown currency " + currency, e);
                }
            }
            case "CLOSED", "PAYERROR", "REVOKED" -> Notification.failed(paymentId, PaymentMethod.WECHAT_PAY, reference,
                    source, "WeChat Pay trade " + state);
            default -> Notification.ignored(paymentId, source, "trade_state " + state + " settles nothing");
        };
    }
}
