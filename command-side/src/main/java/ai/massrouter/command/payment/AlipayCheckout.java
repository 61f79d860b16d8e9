package ai.massrouter.command.payment;

import ai.massrouter.api.payment.PaymentCheckout;
import ai.massrouter.api.payment.PaymentMethod;
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Alipay orders are {@code alipay.trade.precreate} requests (face-to-face, QR code), signed RSA2
 * with the app's private key by alipay-sdk-java and sent to {@code MASSROUTER_ALIPAY_GATEWAY};
 * the SDK checks the answer's signature with Alipay's public key. Alipay collects CNY.
 */
@Component
class AlipayCheckout implements PaymentProvider {

    /** Alipay reads times in Beijing time. */
    private static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final PaymentsProperties.Alipay config;
    private final String notifyUrl;

    AlipayCheckout(PaymentsProperties properties) {
        this.config = properties.alipay();
        this.notifyUrl = properties.publicBaseUrl() + "/api/v1/billing/webhooks/alipay";
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.ALIPAY;
    }

    @Override
    public void ensureConfigured() {
        if (!PaymentsProperties.set(config.appId()) || !PaymentsProperties.set(config.privateKey())
                || !PaymentsProperties.set(config.publicKey())) {
            throw ProviderErrors.notConfigured(method(),
                    "MASSROUTER_ALIPAY_APP_ID, MASSROUTER_ALIPAY_PRIVATE_KEY and MASSROUTER_ALIPAY_PUBLIC_KEY");
        }
    }

    @Override
    public void ensureAccepts(String currency) {
        if (!"CNY".equals(currency)) {
            throw ProviderErrors.cnyOnly(method(), currency);
        }
    }

    @Override
    public PaymentCheckout open(PaymentOrder order) {
        AlipayClient client = new DefaultAlipayClient(config.gateway(), config.appId(), config.privateKey(), "json",
                "UTF-8", config.publicKey(), "RSA2");
        AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(order.paymentId().value());
        model.setTotalAmount(order.amount().toDecimal().setScale(2).toPlainString());
        model.setSubject(order.description());
        model.setTimeExpire(ALIPAY_TIME.format(order.expiresAt()));
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setBizModel(model);
        request.setNotifyUrl(notifyUrl);
        try {
            AlipayTradePrecreateResponse response = client.execute(request);
            if (!response.isSuccess() || response.getQrCode() == null) {
                throw ProviderErrors.unavailable(method(), response.getCode() + " " + response.getMsg() + " "
                        + response.getSubMsg());
            }
            return new PaymentCheckout(order.paymentId().value(), null, response.getQrCode(), null);
        } catch (AlipayApiException e) {
            throw ProviderErrors.unavailable(method(), e.getErrMsg() != null ? e.getErrMsg() : e.getMessage());
        }
    }
}
