package ai.massrouter.command.payment;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.RefundId;
import ai.massrouter.api.payment.ConfirmBankTransferCommand;
import ai.massrouter.api.payment.PaymentCompletion;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.payment.PaymentRefundTicket;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;

/** Administrators confirm bank transfers that arrived and refund payments (full or partial). */
@RestController
@RequestMapping("/api/v1/admin/payments/{paymentId}")
public class AdminPaymentController {

    private final CommandGateway commands;
    private final PaymentRefunds refunds;
    private final Clock clock;

    AdminPaymentController(CommandGateway commands, PaymentRefunds refunds, Clock clock) {
        this.commands = commands;
        this.refunds = refunds;
        this.clock = clock;
    }

    /** {@code amount}/{@code currency}: what arrived; anything but the order's fails the payment (BILL_002). */
    @PostMapping("/confirm")
    public Confirmation confirm(Caller caller, @PathVariable String paymentId,
                                @Valid @RequestBody ConfirmRequest request) {
        caller.requireAdmin();
        PaymentCompletion completion = commands.sendAndWait(new ConfirmBankTransferCommand(id(paymentId),
                received(request), request.bankReference(), caller.userId(),
                clock.instant()));
        if (completion.failure() != null && !completion.duplicate()) {
            throw new DomainException(ErrorCode.BILL_002, completion.failure().message(),
                    Map.of("amount", "does not match the order"));
        }
        return new Confirmation(paymentId, completion.status().wireName(), completion.duplicate());
    }

    /** {@code amount} left out refunds all that is left; the same Idempotency-Key refunds once. */
    @PostMapping("/refund")
    public RefundResponse refund(Caller caller, @PathVariable String paymentId,
                                        @Valid @RequestBody RefundRequest request,
                                        @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        caller.requireAdmin();
        RefundId refundId = RefundId.forRequest(key);
        PaymentRefundTicket ticket = refunds.refund(id(paymentId), refundId, request.amount(),
                Boolean.TRUE.equals(request.force()), request.reason(), caller.userId());
        return RefundResponse.of(ticket);
    }

    /**
     * What arrived must be a possible transfer (positive, no more decimals than the currency has):
     * anything else is a typo, refused before it can fail the order as a mismatch.
     */
    private static Money received(ConfirmRequest request) {
        return FxRates.orderAmount(request.amount(), request.currency());
    }

    private static PaymentId id(String value) {
        if (!value.startsWith("pay_")) {
            throw DomainException.notFound("Payment " + value);
        }
        return PaymentId.of(value);
    }

    public record ConfirmRequest(@NotNull BigDecimal amount,
                                 @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") String currency,
                                 @Size(max = 200) String bankReference) {
    }

    public record RefundRequest(BigDecimal amount, Boolean force, @Size(max = 500) String reason) {
    }

    public record Confirmation(String paymentId, String status, boolean duplicate) {
    }
}
