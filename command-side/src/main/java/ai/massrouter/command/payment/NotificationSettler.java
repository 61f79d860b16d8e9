package ai.massrouter.command.payment;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.command.config.DomainRefusal;
import ai.massrouter.api.payment.CompletePaymentCommand;
import ai.massrouter.api.payment.FailPaymentCommand;
import ai.massrouter.api.payment.PaymentCompletion;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Turns a verified notification into the command that settles its order; null when it settles nothing.
 * The order refuses a notification that is not about itself (another method, another provider
 * order): that refusal comes back as a {@link MisdirectedNotificationException}.
 */
@Component
class NotificationSettler {

    private final CommandGateway commands;
    private final Clock clock;

    NotificationSettler(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    PaymentCompletion settle(Notification n) {
        try {
            return switch (n.kind()) {
                // two nodes settling one order at once: the command gateway retries the loser, which then
                // finds the order settled and answers "duplicate" (see docs/design.md, several nodes)
                case PAID -> commands.sendAndWait(new CompletePaymentCommand(n.paymentId(), n.method(),
                        n.providerReference(), n.amount(), n.providerTransactionId(), n.source(), clock.instant()));
                case FAILED -> commands.sendAndWait(new FailPaymentCommand(n.paymentId(), n.method(),
                        n.providerReference(), n.reason(), n.source(), clock.instant()));
                case IGNORED -> null;
            };
        } catch (RuntimeException e) {
            DomainException refused = DomainRefusal.of(e).orElse(null);
            if (refused == null) {
                throw e;
            }
            throw new MisdirectedNotificationException(refused.getMessage(), refused);
        }
    }
}
