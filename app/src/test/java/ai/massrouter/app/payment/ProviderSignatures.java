package ai.massrouter.app.payment;

import com.alipay.api.internal.util.AlipaySignature;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** Each provider's signing scheme, as the provider applies it, written from its public documentation. */
final class ProviderSignatures {

    private ProviderSignatures() {
    }

    /** {@code Stripe-Signature: t=<unix>,v1=hex(HMAC-SHA256(secret, "<t>.<payload>"))}. */
    static String stripe(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String v1 = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
            return "t=" + timestamp + ",v1=" + v1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Alipay RSA2 over the sorted {@code key=value} pairs without {@code sign} and {@code sign_type}. */
    static String alipay(Map<String, String> params, String platformPrivateKey) {
        try {
            return AlipaySignature.rsaSign(AlipaySignature.getSignCheckContentV1(params), platformPrivateKey, "UTF-8",
                    "RSA2");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256WithRsa(String message, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verifySha256WithRsa(String message, String base64Signature, PublicKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (Exception e) {
            return false;
        }
    }

    /** WeChat Pay v3 messages are signed as {@code timestamp\nnonce\nbody\n}. */
    static String wechatMessage(String timestamp, String nonce, String body) {
        return timestamp + "\n" + nonce + "\n" + body + "\n";
    }

    /** WeChat Pay v3 resource encryption: AEAD_AES_256_GCM with the APIv3 key, base64 of ciphertext and tag. */
    static String wechatEncrypt(String plaintext, String apiV3Key, String nonce, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(apiV3Key.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
