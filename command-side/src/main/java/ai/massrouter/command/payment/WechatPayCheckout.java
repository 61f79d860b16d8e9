package ai.massrouter.command.payment;

import ai.massrouter.api.payment.PaymentCheckout;
import ai.massrouter.api.payment.PaymentMethod;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.WechatPayException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpMethod;
import com.wechat.pay.java.core.http.HttpRequest;
import com.wechat.pay.java.core.http.JsonRequestBody;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * WeChat Pay orders are Native payments ({@code POST /v3/pay/transactions/native}, answered with
 * a {@code code_url} for the QR code). The SDK's HTTP client signs the request with the merchant
 * key and verifies the answer's signature; the SDK's NativePayService is not used because it only
 * knows WeChat's own host names, and {@code MASSROUTER_WECHATPAY_API_BASE} must be configurable.
 */
@Component
class WechatPayCheckout implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(WechatPayCheckout.class);

    private final WechatPayConfigs configs;
    private final String notifyUrl;
    private final ObjectMapper json = new ObjectMapper();

    WechatPayCheckout(WechatPayConfigs configs, PaymentsProperties properties) {
        this.configs = configs;
        this.notifyUrl = properties.publicBaseUrl() + "/api/v1/billing/webhooks/wechat_pay";
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.WECHAT_PAY;
    }

    @Override
    public void ensureConfigured() {
        if (!configs.configured()) {
            throw ProviderErrors.notConfigured(method(), WechatPayConfigs.SETTINGS);
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
        PaymentsProperties.WechatPay settings = configs.settings();
        try {
            String body = json.writeValueAsString(Map.of("appid", settings.appId(), "mchid", settings.merchantId(),
                    "description", order.description(), "out_trade_no", order.paymentId().value(),
                    "time_expire", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(order.expiresAt()
                            .truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.ofHours(8))),
                    "notify_url", notifyUrl,
                    "amount", Map.of("total", FxRates.minorUnits(order.amount()), "currency", "CNY")));
            HttpRequest request = new HttpRequest.Builder().httpMethod(HttpMethod.POST)
                    .url(settings.apiBase() + "/v3/pay/transactions/native")
                    .addHeader("Accept", "application/json").addHeader("Content-Type", "application/json")
                    .body(new JsonRequestBody.Builder().body(body).build()).build();
            PrepayResponse response = new DefaultHttpClientBuilder().config(configs.config()).build()
                    .execute(request, PrepayResponse.class).getServiceResponse();
            if (response == null || response.getCodeUrl() == null) {
                throw ProviderErrors.unavailable(method(), "no code_url in the answer");
            }
            return new PaymentCheckout(order.paymentId().value(), null, response.getCodeUrl(), null);
        } catch (ServiceException e) {
            log.warn("WeChat Pay refused order {}: {}", order.paymentId(), e.getMessage());
            throw ProviderErrors.unavailable(method(), "HTTP " + e.getHttpStatusCode() + " " + e.getErrorCode() + " "
                    + e.getErrorMessage());
        } catch (WechatPayException | IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // the SDK reports an answer whose signature does not verify as an IllegalArgumentException
            log.warn("WeChat Pay order {} failed", order.paymentId(), e);
            throw ProviderErrors.unavailable(method(), e.getClass().getSimpleName());
        }
    }
}
