package ai.massrouter.command.payment;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.payment.PaymentCompletion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Provider notifications (anonymous: providers prove themselves by signature, not by our auth).
 * Each is verified with the provider's own scheme before anything is read from it; a refused one is
 * recorded and credits nothing. Answers are what each provider expects: Stripe any 2xx, Alipay the
 * plain text {@code success}, WeChat Pay 204 (or {@code {"code":"FAIL","message":...}}).
 */
@RestController
@RequestMapping("/api/v1/billing/webhooks")
public class PaymentWebhookController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StripeNotifications stripe;
    private final AlipayNotifications alipay;
    private final WechatPayNotifications wechatPay;
    private final NotificationSettler settler;
    private final WebhookRejections rejections;

    PaymentWebhookController(StripeNotifications stripe, AlipayNotifications alipay, WechatPayNotifications wechatPay,
                             NotificationSettler settler, WebhookRejections rejections) {
        this.stripe = stripe;
        this.alipay = alipay;
        this.wechatPay = wechatPay;
        this.settler = settler;
        this.rejections = rejections;
    }

    /**
     * Refusals are the platform's error envelope: 401 (ERR_002) for a bad signature, 404 for an unknown
     * order, 400 (ERR_001) for an event about another order than the one it names.
     */
    @PostMapping("/stripe")
    public Map<String, Object> stripe(@RequestBody(required = false) String body,
                                      @RequestHeader(value = "Stripe-Signature", required = false) String signature,
                                      HttpServletRequest request) {
        try {
            Notification notification = stripe.verify(body == null ? "" : body, signature);
            return outcome(notification, settler.settle(notification));
        } catch (InvalidNotificationException e) {
            rejections.record("stripe", e.getMessage(), body, request);
            throw new DomainException(ErrorCode.ERR_002, e.getMessage(), Map.of("stripe_signature", "refused"));
        } catch (MisdirectedNotificationException e) {
            rejections.record("stripe", "misdirected: " + e.getMessage(), body, request);
            throw new DomainException(ErrorCode.ERR_001, e.getMessage(),
                    Map.of("payment_id", "is not the order of this Checkout Session"));
        } catch (AggregateNotFoundException e) {
            rejections.record("stripe", "unknown payment: " + e.getMessage(), body, request);
            throw DomainException.notFound("Payment");
        }
    }

    @PostMapping(value = "/alipay", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> alipay(HttpServletRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        try {
            settler.settle(alipay.verify(params));
            return ResponseEntity.ok("success");
        } catch (InvalidNotificationException e) {
            rejections.record("alipay", e.getMessage(), params.toString(), request);
            return ResponseEntity.badRequest().body("failure");
        } catch (MisdirectedNotificationException e) {
            rejections.record("alipay", "misdirected: " + e.getMessage(), params.toString(), request);
            return ResponseEntity.badRequest().body("failure");
        } catch (AggregateNotFoundException e) {
            rejections.record("alipay", "unknown payment: " + e.getMessage(), params.toString(), request);
            return ResponseEntity.status(404).body("failure");
        }
    }

    @PostMapping(value = "/wechat_pay", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> wechatPay(@RequestBody(required = false) String body,
                                            @RequestHeader(value = "Wechatpay-Serial", required = false) String serial,
                                            @RequestHeader(value = "Wechatpay-Signature", required = false) String signature,
                                            @RequestHeader(value = "Wechatpay-Timestamp", required = false) String timestamp,
                                            @RequestHeader(value = "Wechatpay-Nonce", required = false) String nonce,
                                            @RequestHeader(value = "Wechatpay-Signature-Type", required = false) String type,
                                            HttpServletRequest request) {
        try {
            settler.settle(wechatPay.verify(body == null ? "" : body, serial, signature, timestamp, nonce, type));
            return ResponseEntity.noContent().build();
        } catch (InvalidNotificationException e) {
            rejections.record("wechat_pay", e.getMessage(), body, request);
            return ResponseEntity.status(401).body(fail(e.getMessage()));
        } catch (MisdirectedNotificationException e) {
            rejections.record("wechat_pay", "misdirected: " + e.getMessage(), body, request);
            return ResponseEntity.badRequest().body(fail(e.getMessage()));
        } catch (AggregateNotFoundException e) {
            rejections.record("wechat_pay", "unknown payment: " + e.getMessage(), body, request);
            return ResponseEntity.status(404).body(fail("unknown payment"));
        }
    }

    private static Map<String, Object> outcome(Notification n, PaymentCompletion completion) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", true);
        answer.put("payment_id", n.paymentId() == null ? null : n.paymentId().value());
        answer.put("outcome", completion == null ? "ignored" : completion.duplicate() ? "duplicate"
                : completion.failure() != null ? "failed" : completion.status().wireName());
        if (completion != null && completion.failure() != null) {
            answer.put("error_code", completion.failure().code().name());
        }
        return answer;
    }

    /** WeChat Pay's error body. */
    private static String fail(String message) {
        try {
            return JSON.writeValueAsString(Map.of("code", "FAIL", "message", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
