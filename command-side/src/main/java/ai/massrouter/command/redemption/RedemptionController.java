package ai.massrouter.command.redemption;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.redemption.RedeemCodeCommand;
import ai.massrouter.api.redemption.RedemptionCodeId;
import ai.massrouter.api.redemption.RedemptionCodeRedeemedEvent;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * A user redeems a code: the code's aggregate lets one redemption in, then the account is
 * credited under (redemption, code id). {@link RedemptionCredits} credits it again from the event
 * if this node dies in between; the operation id makes the second credit a no-op.
 */
@RestController
public class RedemptionController {

    private final CommandGateway commands;
    private final RedemptionCredits credits;
    private final Clock clock;

    public RedemptionController(CommandGateway commands, RedemptionCredits credits, Clock clock) {
        this.commands = commands;
        this.credits = credits;
        this.clock = clock;
    }

    @PostMapping("/api/v1/billing/redemptions")
    public Redeemed redeem(Caller caller, @Valid @RequestBody RedeemRequest request) {
        RedemptionCodeId codeId = RedemptionCodeId.ofCode(request.code());
        Instant now = clock.instant();
        RedemptionCodeRedeemedEvent redeemed;
        try {
            redeemed = commands.sendAndWait(new RedeemCodeCommand(codeId, caller.userId(), now));
        } catch (AggregateNotFoundException e) {
            throw RedemptionCodeAggregate.refused("is unknown");
        }
        AccountOperationResult credit = credits.credit(redeemed);
        return new Redeemed(redeemed.amount().toDecimal(), redeemed.amount().currency(),
                credit.balanceAfter().toDecimal(), AccountId.forUser(caller.userId()).value(), now);
    }

    public record Redeemed(BigDecimal amount, String currency, BigDecimal balanceAfter, String accountId,
                           Instant redeemedAt) {
    }
}
