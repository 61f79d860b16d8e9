package ai.massrouter.command.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.payment.PaymentMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Locale;

/**
 * Stripe's webhook scheme: {@code Stripe-Signature: t=<unix>,v1=<HMAC-SHA256(secret, t + "." + body)>},
 * checked by stripe-java with the timestamp tolerance. Only then is the body read;
 * {@code checkout.session.completed} settles a paid session, a delayed method settles through
 * {@code checkout.session.async_payment_succeeded} / {@code _failed}.
 */
@Component
class StripeNotifications {

    private final PaymentsProperties.Stripe config;
    private final ObjectMapper json = new ObjectMapper();

    StripeNotifications(PaymentsProperties properties) {
        this.config = properties.stripe();
    }

    Notification verify(String body, String signatureHeader) {
        if (!PaymentsProperties.set(config.webhookSecret())) {
            throw new InvalidNotificationException("Stripe webhooks are not configured (MASSROUTER_STRIPE_WEBHOOK_SECRET)");
        }
        if (signatureHeader == null) {
            throw new InvalidNotificationException("Missing Stripe-Signature header");
        }
        try {
            Webhook.Signature.verifyHeader(body, signatureHeader, config.webhookSecret(),
                    config.webhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            throw new InvalidNotificationException("Stripe signature refused: " + e.getMessage(), e);
        }
        return parse(body);
    }

    private Notification parse(String body) {
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (IOException e) {
            throw new InvalidNotificationException("Signed Stripe event is not JSON", e);
        }
        String type = event.path("type").asText();
        JsonNode session = event.path("data").path("object");
        String source = "stripe:" + event.path("id").asText();
        String reference = session.path("metadata").path("payment_id").asText(session.path("client_reference_id").asText(""));
        if (!reference.startsWith("pay_")) {
            return Notification.ignored(null, source, type + " carries no payment id of ours");
        }
        PaymentId paymentId = PaymentId.of(reference);
        // the Checkout Session is what binds the event to an order: the payment compares it with the one it
        // recorded when it was opened (a payment link or another integration can set any client_reference_id)
        String sessionId = session.path("id").asText("");
        boolean paid = "paid".equals(session.path("payment_status").asText());
        return switch (type) {
            case "checkout.session.completed" -> paid ? paid(paymentId, sessionId, session, source)
                    : Notification.ignored(paymentId, source, "completed, payment still processing");
            case "checkout.session.async_payment_succeeded" -> paid ? paid(paymentId, sessionId, session, source)
                    : Notification.ignored(paymentId, source, "async success without payment_status paid");
            case "checkout.session.async_payment_failed" -> Notification.failed(paymentId, PaymentMethod.STRIPE,
                    sessionId, source, "Stripe reported the delayed payment as failed");
            default -> Notification.ignored(paymentId, source, type + " settles nothing");
        };
    }

    private static Notification paid(PaymentId paymentId, String sessionId, JsonNode session, String source) {
        String currency = session.path("currency").asText("").toUpperCase(Locale.ROOT);
        if (currency.isEmpty() || !session.path("amount_total").canConvertToLong()) {
            throw new InvalidNotificationException("Stripe session without amount_total or currency");
        }
        try {
            return Notification.paid(paymentId, PaymentMethod.STRIPE, sessionId,
                    FxRates.fromMinorUnits(session.path("amount_total").asLong(), currency), sessionId, source);
        } catch (IllegalArgumentException e) {
            throw new InvalidNotificationException("Stripe session in an unknown currency " + currency, e);
        }
    }
}
