package ai.massrouter.command.redemption;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.CreditAccountCommand;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.redemption.RedemptionBatchId;
import ai.massrouter.api.redemption.RedemptionCodeRedeemedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Credits a redeemed code to its user's account, under the operation (redemption, code id): from
 * the redeeming request, and again from the event (a policy, never reset) in case that request's
 * node died in between. The second credit finds the operation recorded and moves nothing.
 */
@Component
@ProcessingGroup("redemption-credits")
public class RedemptionCredits {

    private final CommandGateway commands;

    public RedemptionCredits(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(RedemptionCodeRedeemedEvent event) {
        credit(event);
    }

    AccountOperationResult credit(RedemptionCodeRedeemedEvent event) {
        return commands.sendAndWait(new CreditAccountCommand(AccountId.forUser(event.userId()),
                OperationOrigin.REDEMPTION, event.codeId().value(), event.amount(),
                "Redemption code (batch " + RedemptionBatchId.valueOf(event.batchId()) + ")", event.at()));
    }
}
