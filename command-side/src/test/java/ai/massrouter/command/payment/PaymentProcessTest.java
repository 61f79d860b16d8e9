package ai.massrouter.command.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.CreditTopUpCommand;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.payment.*;
import ai.massrouter.api.user.UserId;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

class PaymentProcessTest {

    static final PaymentId PAYMENT = PaymentId.of("pay_1");
    static final UserId USER = UserId.of("usr_1");
    static final AccountId ACCOUNT = AccountId.forUser(USER);
    static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    static final Money TEN_USD = Money.of(10, "USD");
    static final Money CREDIT = Money.of(71, "CNY");

    private SagaTestFixture<PaymentProcess> fixture;

    static PaymentCreatedEvent created() {
        return new PaymentCreatedEvent(PAYMENT, USER, ACCOUNT, PaymentMethod.STRIPE, TEN_USD, CREDIT,
                new BigDecimal("7.1"), new PaymentCheckout("cs_1", "u", null, null), T0.plusSeconds(1800), T0);
    }

    static PaymentSucceededEvent succeeded(boolean late) {
        return new PaymentSucceededEvent(PAYMENT, USER, ACCOUNT, PaymentMethod.STRIPE, TEN_USD, CREDIT, "cs_1",
                "stripe:evt_1", late, T0);
    }

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PaymentProcess.class);
    }

    @Test
    void success_creditsThePlatformAmount_underTheTopUpOperationId_andEnds() {
        fixture.givenAggregate(PAYMENT.value()).published(created())
                .whenAggregate(PAYMENT.value()).publishes(succeeded(false))
                .expectDispatchedCommands(new CreditTopUpCommand(ACCOUNT, PaymentId.of("pay_1"), "stripe", CREDIT, T0))
                .expectActiveSagas(0);
    }

    @Test
    void failureOrExpiry_creditNothing_andEnd() {
        fixture.givenAggregate(PAYMENT.value()).published(created())
                .whenAggregate(PAYMENT.value()).publishes(new PaymentFailedEvent(PAYMENT, USER, "BILL_002", "m", null,
                        "s", T0))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void lateSuccess_afterTheProcessEnded_startsItAgain_andCredits() {
        fixture.givenAggregate(PAYMENT.value()).published(created(), new PaymentExpiredEvent(PAYMENT, USER, T0))
                .whenAggregate(PAYMENT.value()).publishes(succeeded(true))
                .expectDispatchedCommands(new CreditTopUpCommand(ACCOUNT, PaymentId.of("pay_1"), "stripe", CREDIT, T0));
    }
}
