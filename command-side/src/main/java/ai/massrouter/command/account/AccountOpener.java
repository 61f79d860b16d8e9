package ai.massrouter.command.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.OpenAccountCommand;
import ai.massrouter.api.common.BillingSettings;
import ai.massrouter.api.user.UserRegisteredEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Every user has an account: opened when the user registers. Registration also opens it at
 * once; this policy is the guarantee for every other way a user comes to be (the admin at
 * start-up, a failure between the two commands). Opening is idempotent, so a replay is harmless;
 * still, this processor is a policy, not a projection, and is never reset.
 */
@Component
@ProcessingGroup("account-opening")
public class AccountOpener {

    private final CommandGateway commands;
    private final String currency;
    private final SignupCredit signupCredit;

    public AccountOpener(CommandGateway commands, BillingSettings billing,
                         SignupCredit signupCredit) {
        this.commands = commands;
        this.currency = billing.currency();
        this.signupCredit = signupCredit;
    }

    @EventHandler
    void on(UserRegisteredEvent event) {
        commands.sendAndWait(new OpenAccountCommand(AccountId.forUser(event.userId()), event.userId(), currency,
                event.registeredAt()));
        signupCredit.grant(AccountId.forUser(event.userId()), event.registeredAt());
    }
}
