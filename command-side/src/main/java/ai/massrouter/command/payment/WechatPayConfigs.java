package ai.massrouter.command.payment;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import org.springframework.stereotype.Component;

/**
 * WeChat Pay v3 in public-key mode: responses and notifications are verified with WeChat Pay's
 * public key ({@code MASSROUTER_WECHATPAY_PUBLIC_KEY}, id in {@code Wechatpay-Serial}), so nothing
 * is downloaded at start-up (the certificate mode's {@code RSAAutoCertificateConfig} would call
 * WeChat Pay first). Built lazily: a server without WeChat Pay settings starts and refuses the method.
 */
@Component
class WechatPayConfigs {

    static final String SETTINGS = "MASSROUTER_WECHATPAY_APP_ID, MASSROUTER_WECHATPAY_MERCHANT_ID, "
            + "MASSROUTER_WECHATPAY_MERCHANT_SERIAL_NUMBER, MASSROUTER_WECHATPAY_PRIVATE_KEY, "
            + "MASSROUTER_WECHATPAY_API_V3_KEY, MASSROUTER_WECHATPAY_PUBLIC_KEY and MASSROUTER_WECHATPAY_PUBLIC_KEY_ID";

    private final PaymentsProperties.WechatPay settings;
    private volatile RSAPublicKeyConfig config;

    WechatPayConfigs(PaymentsProperties properties) {
        this.settings = properties.wechatPay();
    }

    PaymentsProperties.WechatPay settings() {
        return settings;
    }

    boolean configured() {
        return PaymentsProperties.set(settings.appId()) && PaymentsProperties.set(settings.merchantId())
                && PaymentsProperties.set(settings.merchantSerialNumber()) && PaymentsProperties.set(settings.privateKey())
                && PaymentsProperties.set(settings.apiV3Key()) && PaymentsProperties.set(settings.publicKey())
                && PaymentsProperties.set(settings.publicKeyId());
    }

    RSAPublicKeyConfig config() {
        if (config == null) {
            synchronized (this) {
                if (config == null) {
                    config = new RSAPublicKeyConfig.Builder().merchantId(settings.merchantId())
                            .privateKey(settings.privateKey()).merchantSerialNumber(settings.merchantSerialNumber())
                            .publicKey(settings.publicKey()).publicKeyId(settings.publicKeyId())
                            .apiV3Key(settings.apiV3Key()).build();
                }
            }
        }
        return config;
    }
}
