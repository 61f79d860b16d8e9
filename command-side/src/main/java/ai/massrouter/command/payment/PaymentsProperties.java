package ai.massrouter.command.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code massrouter.payments.*}: each provider is offered only when its credentials are set (see README). */
@ConfigurationProperties("massrouter.payments")
public record PaymentsProperties(Duration expiry, Duration bankTransferExpiry, String fxRates, String publicBaseUrl,
                                 Stripe stripe, Alipay alipay, WechatPay wechatPay, BankTransfer bankTransfer) {

    public record Stripe(String secretKey, String apiBase, String webhookSecret, Duration webhookTolerance,
                         String successUrl, String cancelUrl) {
    }

    /** {@code sellerId}: the merchant's PID (2088...); when set, a notification collected by another seller is refused. */
    public record Alipay(String appId, String privateKey, String publicKey, String gateway, String sellerId) {
    }

    public record WechatPay(String appId, String merchantId, String merchantSerialNumber, String privateKey,
                            String apiV3Key, String publicKey, String publicKeyId, String apiBase) {
    }

    public record BankTransfer(String bankName, String accountName, String accountNumber) {
    }

    static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
