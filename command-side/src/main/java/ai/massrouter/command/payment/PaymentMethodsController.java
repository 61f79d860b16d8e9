package ai.massrouter.command.payment;

import ai.massrouter.api.payment.PaymentMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * Which top-up methods this installation offers, with what each accepts. Read from the provider
 * settings of the command side, not from a projection: it is configuration, not state.
 */
@RestController
public class PaymentMethodsController {

    /** The same bound as {@link CreatePaymentRequest}'s {@code @DecimalMax}. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private final List<PaymentProvider> providers;
    private final FxRates fx;
    private final PaymentsProperties properties;

    PaymentMethodsController(List<PaymentProvider> providers, FxRates fx, PaymentsProperties properties) {
        this.providers = providers;
        this.fx = fx;
        this.properties = properties;
    }

    @GetMapping("/api/v1/billing/payment-methods")
    public Methods methods() {
        List<Method> offered = providers.stream()
                .filter(PaymentProvider::configured)
                .sorted(Comparator.comparing(PaymentProvider::method))
                .map(this::describe)
                .filter(m -> !m.currencies().isEmpty())
                .toList();
        return new Methods(offered, fx.platformCurrency());
    }

    private Method describe(PaymentProvider provider) {
        List<String> currencies = fx.currencies().stream().filter(provider::accepts).toList();
        String first = currencies.isEmpty() ? fx.platformCurrency() : currencies.get(0);
        int places = Math.max(0, Currency.getInstance(first).getDefaultFractionDigits());
        Duration ttl = provider.method() == PaymentMethod.BANK_TRANSFER
                ? properties.bankTransferExpiry() : properties.expiry();
        return new Method(provider.method().wireName(), currencies, BigDecimal.ONE.movePointLeft(places),
                MAX_AMOUNT, ttl.toSeconds());
    }

    /** {@code min_amount} is one unit of the smallest decimal place of the method's first currency. */
    public record Method(String method, List<String> currencies, BigDecimal minAmount, BigDecimal maxAmount,
                         long expiresInSeconds) {
    }

    public record Methods(List<Method> items, String platformCurrency) {
    }
}
