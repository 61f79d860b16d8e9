package ai.massrouter.command.account;

import ai.massrouter.api.account.AccountCreditedEvent;
import ai.massrouter.api.account.CreditAccountCommand;
import ai.massrouter.api.account.OperationOrigin;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ai.massrouter.command.account.AccountAggregateTest.ACCOUNT;
import static ai.massrouter.command.account.AccountAggregateTest.T0;
import static ai.massrouter.command.account.AccountAggregateTest.USER;
import static ai.massrouter.command.account.AccountAggregateTest.op;
import static ai.massrouter.command.account.AccountAggregateTest.opened;
import static ai.massrouter.command.account.AccountAggregateTest.toppedUp;
import static ai.massrouter.command.account.AccountAggregateTest.yuan;
import static org.assertj.core.api.Assertions.assertThat;

/** Credits without a payment (redeemed codes, the sign-up credit): once per (origin, id), in their origins only. */
class AccountCreditTest {

    private AggregateTestFixture<AccountAggregate> fixture;
    private InMemoryAccountOperations operations;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccountAggregate.class);
        operations = new InMemoryAccountOperations();
        fixture.registerInjectableResource(operations);
    }

    @Test
    void redemption_creditsOnce_underItsOwnOrigin() {
        fixture.given(opened(), toppedUp(1))
                .when(new CreditAccountCommand(ACCOUNT, OperationOrigin.REDEMPTION, "rc_1", yuan(10), "code", T0))
                .expectEvents(new AccountCreditedEvent(ACCOUNT, USER, op(OperationOrigin.REDEMPTION, "rc_1"), yuan(10),
                        "code", yuan(11), T0));
        assertThat(operations.recorded).containsKey(op(OperationOrigin.REDEMPTION, "rc_1"));
        fixture.given(opened(), toppedUp(1), new AccountCreditedEvent(ACCOUNT, USER,
                        op(OperationOrigin.REDEMPTION, "rc_1"), yuan(10), "code", yuan(11), T0))
                .when(new CreditAccountCommand(ACCOUNT, OperationOrigin.REDEMPTION, "rc_1", yuan(10), "code", T0))
                .expectNoEvents();
    }

    @Test
    void signupCredit_andRedemption_ofTheSameId_areDifferentOperations() {
        fixture.given(opened())
                .when(new CreditAccountCommand(ACCOUNT, OperationOrigin.SIGNUP_CREDIT, "acc_1", yuan(2), "sign-up", T0))
                .expectEvents(new AccountCreditedEvent(ACCOUNT, USER, op(OperationOrigin.SIGNUP_CREDIT, "acc_1"),
                        yuan(2), "sign-up", yuan(2), T0));
        assertThat(operations.recorded).doesNotContainKey(op(OperationOrigin.REDEMPTION, "acc_1"));
    }

    @Test
    void aCredit_inAnotherOrigin_isRefused() {
        fixture.given(opened())
                .when(new CreditAccountCommand(ACCOUNT, OperationOrigin.TOPUP, "p1", yuan(10), "no payment", T0))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
