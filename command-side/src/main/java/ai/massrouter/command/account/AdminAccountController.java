package ai.massrouter.command.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.AdjustBalanceCommand;
import ai.massrouter.api.account.MovementKind;
import ai.massrouter.api.account.OperationId;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.account.RefundUsageCommand;
import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.BillingSettings;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.time.Instant;
import java.util.UUID;

/**
 * Administrators' money movements. Each takes an optional {@code Idempotency-Key}, which
 * becomes the movement's operation id, so a retried request moves money once.
 */
@RestController
@RequestMapping("/api/v1/admin/accounts/{userId}")
public class AdminAccountController {

    private final CommandGateway commands;
    private final Clock clock;
    private final String currency;

    public AdminAccountController(CommandGateway commands, Clock clock,
                                  BillingSettings billing) {
        this.commands = commands;
        this.clock = clock;
        this.currency = billing.currency();
    }

    /** {@code amount} is signed: positive credits, negative debits (never below the available balance). */
    @PostMapping("/adjustments")
    public Movement adjust(Caller caller, @PathVariable String userId, @Valid @RequestBody AdjustmentRequest request,
                           @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        caller.requireAdmin();
        String adjustmentId = idempotencyKey != null
                ? OperationId.chosenByClient(OperationOrigin.ADJUSTMENT, idempotencyKey.trim(), "idempotency_key").id()
                : UUID.randomUUID().toString();
        AccountOperationResult result = commands.sendAndWait(new AdjustBalanceCommand(account(userId), adjustmentId,
                Money.ofDecimal(request.amount(), currency), request.reason(), caller.userId(), clock.instant()));
        return Movement.of(result);
    }

    /**
     * Gives back (part of) a usage charge, named by its request id and, when that id names both a
     * metered call and a gateway call, its {@code source}; once per charge.
     */
    @PostMapping("/refunds")
    public Movement refund(Caller caller, @PathVariable String userId, @Valid @RequestBody RefundRequest request) {
        caller.requireAdmin();
        AccountOperationResult result = commands.sendAndWait(new RefundUsageCommand(account(userId),
                request.requestId(), chargeOrigin(request.source()), Money.ofDecimal(request.amount(), currency),
                request.reason(), caller.userId(), clock.instant()));
        return Movement.of(result);
    }

    private static OperationOrigin chargeOrigin(String source) {
        if (source == null) {
            return null;
        }
        return switch (source) {
            case "usage" -> OperationOrigin.USAGE;
            case "gateway" -> OperationOrigin.SETTLEMENT;
            default -> throw DomainException.invalid("source", "must be usage or gateway");
        };
    }

    private static AccountId account(String userId) {
        if (!userId.startsWith("usr_")) {
            throw DomainException.notFound("User " + userId);
        }
        return AccountId.forUser(UserId.of(userId));
    }

    public record AdjustmentRequest(@NotNull BigDecimal amount, @NotBlank @Size(max = 500) String reason) {
    }

    /** {@code source}: {@code usage} (metered through the API) or {@code gateway}; optional unless ambiguous. */
    public record RefundRequest(@NotBlank @Size(max = 200) String requestId, String source,
                                @NotNull BigDecimal amount, @NotBlank @Size(max = 500) String reason) {
    }

    /** What moved: {@code replayed} when the same operation had already been done (nothing moved again). */
    public record Movement(String operationId, MovementKind kind, BigDecimal amount, BigDecimal balanceAfter,
                           BigDecimal onHold, String currency, Instant at, boolean replayed) {

        static Movement of(AccountOperationResult r) {
            return new Movement(r.operationId().id(), r.kind(), r.amount().toDecimal(), r.balanceAfter().toDecimal(),
                    r.heldAfter().toDecimal(), r.amount().currency(), r.at(), r.replayed());
        }
    }
}
