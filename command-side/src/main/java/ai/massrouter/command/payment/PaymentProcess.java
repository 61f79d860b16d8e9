package ai.massrouter.command.payment;

import ai.massrouter.api.account.CreditTopUpCommand;
import ai.massrouter.api.payment.PaymentCreatedEvent;
import ai.massrouter.api.payment.PaymentExpiredEvent;
import ai.massrouter.api.payment.PaymentFailedEvent;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.payment.PaymentSucceededEvent;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * From an order to money on the account: it lives while the order is open and credits the
 * account when the payment succeeds, with the operation id {@code topup:<payment id>}, so a
 * redelivered event, a retry or a second node credits once. An expired order ends the process;
 * a late success starts it again (the money was taken). Never replayed: it sends commands.
 */
@Saga
@ProcessingGroup(PaymentProcess.GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class PaymentProcess {

    public static final String GROUP = "payment-process";

    private PaymentId paymentId;
    private transient CommandGateway commands;

    @Autowired
    void setCommands(CommandGateway commands) {
        this.commands = commands;
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentCreatedEvent e) {
        paymentId = e.paymentId();
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentSucceededEvent e) {
        paymentId = e.paymentId();
        commands.sendAndWait(new CreditTopUpCommand(e.accountId(), e.paymentId(),
                e.method().wireName(), e.credit(), e.at()));
        SagaLifecycle.end();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentFailedEvent e) {
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentExpiredEvent e) {
    }
}
