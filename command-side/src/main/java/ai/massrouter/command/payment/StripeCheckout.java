package ai.massrouter.command.payment;

import ai.massrouter.api.payment.PaymentCheckout;
import ai.massrouter.api.payment.PaymentMethod;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Stripe orders are Checkout Sessions created through stripe-java against
 * {@code MASSROUTER_STRIPE_API_BASE}, carrying our payment id as {@code client_reference_id}
 * and {@code metadata.payment_id}; the payment id is also Stripe's idempotency key, so a retried
 * creation returns the same session.
 */
@Component
class StripeCheckout implements PaymentProvider {

    private final PaymentsProperties.Stripe config;
    private final String publicBaseUrl;

    StripeCheckout(PaymentsProperties properties) {
        this.config = properties.stripe();
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.STRIPE;
    }

    @Override
    public void ensureConfigured() {
        if (!PaymentsProperties.set(config.secretKey()) || !PaymentsProperties.set(config.webhookSecret())) {
            throw ProviderErrors.notConfigured(method(), "MASSROUTER_STRIPE_SECRET_KEY and MASSROUTER_STRIPE_WEBHOOK_SECRET");
        }
    }

    @Override
    public PaymentCheckout open(PaymentOrder order) {
        StripeClient client = StripeClient.builder().setApiKey(config.secretKey()).setApiBase(config.apiBase())
                .setMaxNetworkRetries(1).build();
        String id = order.paymentId().value();
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(id)
                .putMetadata("payment_id", id)
                .setSuccessUrl(url(config.successUrl(), id))
                .setCancelUrl(url(config.cancelUrl(), id))
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(order.amount().currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(FxRates.minorUnits(order.amount()))
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(order.description()).build())
                                .build())
                        .build())
                .build();
        try {
            Session session = client.v1().checkout().sessions().create(params,
                    RequestOptions.builder().setIdempotencyKey(id).build());
            return new PaymentCheckout(session.getId(), session.getUrl(), null, null);
        } catch (StripeException e) {
            throw ProviderErrors.unavailable(method(), e.getMessage());
        }
    }

    private String url(String template, String paymentId) {
        String base = PaymentsProperties.set(template) ? template : publicBaseUrl + "/payments/{payment_id}";
        return base.replace("{payment_id}", paymentId);
    }
}
