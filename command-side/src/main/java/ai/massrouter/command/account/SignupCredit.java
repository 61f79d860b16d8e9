package ai.massrouter.command.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.CreditAccountCommand;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.common.BillingSettings;
import ai.massrouter.api.common.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code MASSROUTER_SIGNUP_CREDIT}: what a new account is given (default 0: nothing). Once per
 * account, under the operation (signup_credit, account id), however often it is asked.
 */
@Component
public class SignupCredit {

    private final CommandGateway commands;
    private final Money amount;

    public SignupCredit(CommandGateway commands, BillingSettings billing) {
        BigDecimal amount = billing.signupCredit();
        if (amount.signum() < 0) {
            throw new IllegalStateException("MASSROUTER_SIGNUP_CREDIT must not be negative");
        }
        this.commands = commands;
        this.amount = Money.ofDecimal(amount, billing.currency());
    }

    public void grant(AccountId accountId, Instant at) {
        if (amount.isPositive()) {
            commands.sendAndWait(new CreditAccountCommand(accountId, OperationOrigin.SIGNUP_CREDIT, accountId.value(),
                    amount, "Sign-up credit", at));
        }
    }
}
