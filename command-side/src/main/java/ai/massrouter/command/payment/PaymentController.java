package ai.massrouter.command.payment;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.payment.CreatePaymentCommand;
import ai.massrouter.api.payment.PaymentCheckout;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.payment.PaymentMethod;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opens a top-up order: the provider is asked first (a refused or unreachable provider leaves
 * nothing behind), then the order is recorded with what the client needs to pay. A retried
 * request with the same {@code Idempotency-Key} gets the first answer (the HTTP idempotency filter).
 */
@RestController
public class PaymentController {

    private final CommandGateway commands;
    private final Clock clock;
    private final FxRates fx;
    private final PaymentsProperties properties;
    private final Map<PaymentMethod, PaymentProvider> providers;

    PaymentController(CommandGateway commands, Clock clock, FxRates fx, PaymentsProperties properties,
                      List<PaymentProvider> providers) {
        this.commands = commands;
        this.clock = clock;
        this.fx = fx;
        this.properties = properties;
        this.providers = providers.stream().collect(Collectors.toMap(PaymentProvider::method, Function.identity()));
    }

    @PostMapping("/api/v1/billing/payments")
    @ResponseStatus(HttpStatus.CREATED)
    public PaymentResponse create(Caller caller, @Valid @RequestBody CreatePaymentRequest request) {
        PaymentMethod method = PaymentMethod.fromWire(request.paymentMethod()).orElseThrow(() -> DomainException
                .invalid("payment_method", "must be one of alipay, wechat_pay, stripe, bank_transfer"));
        PaymentProvider provider = providers.get(method);
        provider.ensureConfigured();
        String currency = request.currency() == null ? fx.platformCurrency() : request.currency();
        provider.ensureAccepts(currency);
        Money amount = FxRates.orderAmount(request.amount(), currency);
        BigDecimal rate = fx.rateOf(currency);
        Money credit = FxRates.convert(amount, rate, fx.platformCurrency());

        Instant now = clock.instant();
        Duration ttl = method == PaymentMethod.BANK_TRANSFER ? properties.bankTransferExpiry() : properties.expiry();
        PaymentId paymentId = PaymentId.generate();
        PaymentCheckout checkout = provider.open(new PaymentOrder(paymentId, amount,
                "MassRouter top-up " + amount.toDecimal().toPlainString() + " " + currency, now.plus(ttl)));
        CreatePaymentCommand command = new CreatePaymentCommand(paymentId, caller.userId(), method, amount, credit,
                rate, checkout, now.plus(ttl), now);
        commands.sendAndWait(command);
        return PaymentResponse.of(command);
    }
}
