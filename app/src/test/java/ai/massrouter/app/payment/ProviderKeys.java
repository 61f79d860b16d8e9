package ai.massrouter.app.payment;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Test keys generated for this JVM: each provider's platform key (which signs notifications and
 * answers, as the provider would) and our merchant keys (which sign our requests).
 */
final class ProviderKeys {

    static final String STRIPE_SECRET_KEY = "sk_test_massrouter";
    static final String STRIPE_WEBHOOK_SECRET = "whsec_test_massrouter";
    static final String ALIPAY_APP_ID = "2021000000000001";
    /** The merchant (PID) the app collects for. */
    static final String ALIPAY_SELLER_ID = "2088000000000001";
    static final String WECHAT_APP_ID = "wx0000000000000001";
    static final String WECHAT_MERCHANT_ID = "1900000001";
    static final String WECHAT_MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A72000000001";
    static final String WECHAT_PUBLIC_KEY_ID = "PUB_KEY_ID_0000000000000000000001";
    /** APIv3 keys are 32 characters. */
    static final String WECHAT_API_V3_KEY = "0123456789abcdefghijklmnopqrstuv";

    static final KeyPair ALIPAY_APP = rsa();
    static final KeyPair ALIPAY_PLATFORM = rsa();
    static final KeyPair WECHAT_MERCHANT = rsa();
    static final KeyPair WECHAT_PLATFORM = rsa();

    private ProviderKeys() {
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 private key or X.509 public key, base64 without PEM lines: what both SDKs read. */
    static String privateKey(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    static String publicKey(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }
}
