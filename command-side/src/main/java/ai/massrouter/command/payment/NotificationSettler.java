package ai.massrouter.command.payment;

import ai.massrouter.api.payment.CompletePaymentCommand;
import ai.massrouter.api.payment.FailPaymentCommand;
import ai.massrouter.api.payment.PaymentCompletion;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.function.Supplier;

/** Turns a verified notification into the command that settles its order; null when it settles nothing. */
@Component
class NotificationSettler {

    static final int ATTEMPTS = 3;

    private final CommandGateway commands;
    private final Clock clock;

    NotificationSettler(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    PaymentCompletion settle(Notification n) {
        return switch (n.kind()) {
            case PAID -> retried(() -> commands.sendAndWait(new CompletePaymentCommand(n.paymentId(), n.amount(),
                    n.providerTransactionId(), n.source(), clock.instant())));
            case FAILED -> retried(() -> commands.sendAndWait(new FailPaymentCommand(n.paymentId(), n.reason(),
                    n.source(), clock.instant())));
            case IGNORED -> null;
        };
    }

    /**
     * Two nodes settling the same order at once: one appends its event, the other hits the event
     * store's unique (aggregate, sequence) key. Sent again, the loser finds the order settled and
     * answers "duplicate", so the provider gets a 2xx instead of retrying a 500.
     */
    private static PaymentCompletion retried(Supplier<PaymentCompletion> send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConcurrency(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isConcurrency(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
