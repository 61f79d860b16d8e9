package ai.massrouter.command.payment;

import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.DebitPaymentRefundCommand;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.RefundId;
import ai.massrouter.command.config.DomainRefusal;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.payment.CompletePaymentRefundCommand;
import ai.massrouter.api.payment.DeclinePaymentRefundCommand;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.payment.PaymentRefundTicket;
import ai.massrouter.api.payment.RefundState;
import ai.massrouter.api.payment.RequestPaymentRefundCommand;
import ai.massrouter.api.user.UserId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * A refund in three steps, each idempotent on the refund id: the payment reserves the amount,
 * the account is debited ({@code BILL_001} when the money was spent, unless forced), and the
 * payment records the outcome. A refund interrupted between the steps is resumed by sending the
 * same request with the same {@code Idempotency-Key}: the steps already done are replays.
 */
@Component
class PaymentRefunds {

    private final CommandGateway commands;
    private final Clock clock;

    PaymentRefunds(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    PaymentRefundTicket refund(PaymentId paymentId, RefundId refundId, BigDecimal amount, boolean force, String reason,
                               UserId by) {
        Instant now = clock.instant();
        PaymentRefundTicket ticket = commands.sendAndWait(new RequestPaymentRefundCommand(paymentId, refundId, amount,
                force, reason, by, now));
        if (ticket.state() == RefundState.DECLINED) {
            throw new DomainException(ErrorCode.valueOf(ticket.declineCode()), ticket.declineReason());
        }
        if (ticket.state() == RefundState.REFUNDED) {
            return ticket;
        }
        try {
            commands.<AccountOperationResult>sendAndWait(new DebitPaymentRefundCommand(ticket.accountId(),
                    paymentId, refundId, ticket.debit(), ticket.force(),
                    ticket.reason(), now));
        } catch (RuntimeException e) {
            DomainException refused = DomainRefusal.of(e).orElse(null);
            if (refused == null) {
                throw e;
            }
            commands.sendAndWait(new DeclinePaymentRefundCommand(paymentId, refundId, refused.code().name(),
                    refused.getMessage(), now));
            throw refused;
        }
        return commands.sendAndWait(new CompletePaymentRefundCommand(paymentId, refundId, now));
    }
}
