package ai.massrouter.command.payment;

import ai.massrouter.api.payment.CompletePaymentCommand;
import ai.massrouter.api.payment.FailPaymentCommand;
import ai.massrouter.api.payment.PaymentCompletion;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Turns a verified notification into the command that settles its order; null when it settles nothing. */
@Component
class NotificationSettler {

    private final CommandGateway commands;
    private final Clock clock;

    NotificationSettler(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    PaymentCompletion settle(Notification n) {
        return switch (n.kind()) {
            // two nodes settling one order at once: the command gateway retries the loser, which then
            // finds the order settled and answers "duplicate" (see docs/design.md, several nodes)
            case PAID -> commands.sendAndWait(new CompletePaymentCommand(n.paymentId(), n.amount(),
                    n.providerTransactionId(), n.source(), clock.instant()));
            case FAILED -> commands.sendAndWait(new FailPaymentCommand(n.paymentId(), n.reason(),
                    n.source(), clock.instant()));
            case IGNORED -> null;
        };
    }
}
