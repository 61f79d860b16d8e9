package ai.massrouter.command.redemption;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.BillingSettings;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.redemption.CreateRedemptionCodeCommand;
import ai.massrouter.api.redemption.RedemptionBatchId;
import ai.massrouter.api.redemption.RedemptionCodeId;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * An administrator issues a batch of codes. The codes are in this answer only: the log keeps
 * their hashes (the aggregates' ids), so a code that is lost cannot be shown again.
 */
@RestController
public class AdminRedemptionCodeController {

    static final int MAX_BATCH = 1000;

    private final CommandGateway commands;
    private final Clock clock;
    private final String currency;

    public AdminRedemptionCodeController(CommandGateway commands, Clock clock,
                                         BillingSettings billing) {
        this.commands = commands;
        this.clock = clock;
        this.currency = billing.currency();
    }

    @PostMapping("/api/v1/admin/redemption-codes")
    @ResponseStatus(HttpStatus.CREATED)
    public Batch create(Caller caller, @Valid @RequestBody CreateRedemptionCodesRequest request) {
        caller.requireAdmin();
        Instant now = clock.instant();
        if (request.amount().signum() <= 0) {
            throw DomainException.invalid("amount", "must be positive");
        }
        int places = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        if (request.amount().stripTrailingZeros().scale() > places) {
            throw DomainException.invalid("amount", "has more decimals than " + currency + " allows (" + places + ")");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw DomainException.invalid("expires_at", "must be in the future");
        }
        Money amount = Money.ofDecimal(request.amount(), currency);
        RedemptionBatchId batchId = RedemptionBatchId.generate();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            String code = RedemptionCodes.generate();
            commands.sendAndWait(new CreateRedemptionCodeCommand(RedemptionCodeId.ofCode(code), batchId, amount,
                    request.expiresAt(), caller.userId(), now));
            codes.add(code);
        }
        return new Batch(batchId.value(), amount.toDecimal(), currency, codes.size(), request.expiresAt(), now, codes);
    }

    public record Batch(String batchId, BigDecimal amount, String currency, int count, Instant expiresAt,
                        Instant createdAt, List<String> codes) {
    }
}
