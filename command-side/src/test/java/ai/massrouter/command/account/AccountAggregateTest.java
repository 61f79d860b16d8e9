package ai.massrouter.command.account;

import ai.massrouter.api.account.*;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.RefundId;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.user.UserId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static ai.massrouter.command.DomainMatchers.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

class AccountAggregateTest {

    static final AccountId ACCOUNT = AccountId.of("acc_1");
    static final UserId USER = UserId.of("usr_1");
    static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    static final ModelPricing PRICING = new ModelPricing(yuan(2), yuan(8));
    static final UsageDetails USAGE = new UsageDetails(USER, ApiKeyId.of("key_1"), ModelId.of("openai/gpt-4o-mini"), "openai", "chat",
            1000, 500, PRICING);

    private AggregateTestFixture<AccountAggregate> fixture;
    private InMemoryAccountOperations operations;

    static OperationId op(OperationOrigin origin, String id) {
        return OperationId.of(origin, id);
    }

    static OperationId usage(String requestId) {
        return op(OperationOrigin.USAGE, requestId);
    }

    static Money yuan(long units) {
        return Money.of(units, "CNY");
    }

    static Money nanos(long nanos) {
        return new Money(nanos, "CNY");
    }

    static AccountOpenedEvent opened() {
        return new AccountOpenedEvent(ACCOUNT, USER, "CNY", T0);
    }

    static TopUpCreditedEvent toppedUp(long units) {
        return new TopUpCreditedEvent(ACCOUNT, USER, op(OperationOrigin.TOPUP, "p1"), PaymentId.of("p1"), "alipay", yuan(units), yuan(units), T0);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccountAggregate.class);
        operations = new InMemoryAccountOperations();
        fixture.registerInjectableResource(operations);
    }

    @Test
    void open_isIdempotent() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccountCommand(ACCOUNT, USER, "CNY", T0))
                .expectEvents(opened());
        fixture.given(opened())
                .when(new OpenAccountCommand(ACCOUNT, USER, "CNY", T0))
                .expectNoEvents();
    }

    @Test
    void topUp_creditsTheBalance_once() {
        fixture.given(opened())
                .when(new CreditTopUpCommand(ACCOUNT, PaymentId.of("p1"), "alipay", yuan(100), T0))
                .expectEvents(toppedUp(100));
        assertThat(operations.recorded).containsKey(op(OperationOrigin.TOPUP, "p1"));
    }

    @Test
    void charge_withinBalance_recordsUsageAndBalanceAfter() {
        Money cost = PRICING.cost(1000, 500); // 0.002 + 0.004
        assertThat(cost).isEqualTo(nanos(6_000_000));
        fixture.given(opened(), toppedUp(1))
                .when(new ChargeUsageCommand(ACCOUNT, "req-1", USAGE, cost, SpendLimits.NONE, T0))
                .expectEvents(new UsageChargedEvent(ACCOUNT, USER, usage("req-1"), USAGE, cost, nanos(994_000_000), T0))
                .expectResultMessagePayload(new AccountOperationResult(usage("req-1"), MovementKind.CHARGE, cost, nanos(994_000_000),
                        yuan(0), T0, false));
    }

    @Test
    void charge_exceedingBalance_isRefusedWithBill001() {
        fixture.given(opened(), toppedUp(1))
                .when(new ChargeUsageCommand(ACCOUNT, "req-1", USAGE, nanos(1_000_000_001), SpendLimits.NONE, T0))
                .expectException(refusedWith(ErrorCode.BILL_001))
                .expectNoEvents();
    }

    @Test
    void charge_sameRequestIdTwice_chargesOnce_andReturnsTheFirstResult() {
        fixture.given(opened(), toppedUp(1))
                .when(new ChargeUsageCommand(ACCOUNT, "req-1", USAGE, nanos(600_000_000), SpendLimits.NONE, T0));
        // the same id again, now that the balance (0.4) would no longer cover it
        fixture.given(opened(), toppedUp(1),
                        new UsageChargedEvent(ACCOUNT, USER, usage("req-1"), USAGE, nanos(600_000_000), nanos(400_000_000), T0))
                .when(new ChargeUsageCommand(ACCOUNT, "req-1", USAGE, nanos(600_000_000), SpendLimits.NONE, T0))
                .expectNoEvents()
                .expectResultMessagePayload(new AccountOperationResult(usage("req-1"), MovementKind.CHARGE, nanos(600_000_000),
                        nanos(400_000_000), yuan(0), T0, true));
    }

    @Test
    void batch_chargesInOrder_refusingOnlyWhatDoesNotFit() {
        List<UsageCharge> charges = List.of(
                new UsageCharge("a", USAGE, nanos(600_000_000), SpendLimits.NONE),
                new UsageCharge("b", USAGE, nanos(600_000_000), SpendLimits.NONE),
                new UsageCharge("c", USAGE, nanos(400_000_000), SpendLimits.NONE),
                new UsageCharge("a", USAGE, nanos(600_000_000), SpendLimits.NONE));
        fixture.given(opened(), toppedUp(1))
                .when(new ChargeUsageBatchCommand(ACCOUNT, charges, T0))
                .expectEvents(
                        new UsageChargedEvent(ACCOUNT, USER, usage("a"), USAGE, nanos(600_000_000), nanos(400_000_000), T0),
                        new UsageChargedEvent(ACCOUNT, USER, usage("c"), USAGE, nanos(400_000_000), yuan(0), T0))
                .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.predicate(r -> {
                    List<UsageChargeOutcome> o = ((UsageBatchResult) r).outcomes();
                    return o.get(0).result() != null && o.get(1).error().code() == ErrorCode.BILL_001
                            && o.get(2).result() != null && o.get(3).result().replayed();
                }));
    }

    @Test
    void hold_reservesFunds_thatCannotBeSpentTwice() {
        fixture.given(opened(), toppedUp(1),
                        new FundsHeldEvent(ACCOUNT, USER, HoldId.of("call-1"), ApiKeyId.of("key_1"), nanos(700_000_000), "chat", yuan(1),
                                nanos(700_000_000), T0))
                .when(new ChargeUsageCommand(ACCOUNT, "req-2", USAGE, nanos(400_000_000), SpendLimits.NONE, T0))
                .expectException(refusedWith(ErrorCode.BILL_001));
    }

    @Test
    void settle_chargesTheActualCost_andReleasesTheRest() {
        fixture.given(opened(), toppedUp(1),
                        new FundsHeldEvent(ACCOUNT, USER, HoldId.of("call-1"), ApiKeyId.of("key_1"), nanos(700_000_000), "chat", yuan(1),
                                nanos(700_000_000), T0))
                .when(new SettleHoldCommand(ACCOUNT, HoldId.of("call-1"), USAGE, nanos(6_000_000), T0))
                .expectEvents(new HoldSettledEvent(ACCOUNT, USER, HoldId.of("call-1"), USAGE, nanos(700_000_000), nanos(6_000_000),
                        nanos(694_000_000), yuan(0), nanos(994_000_000), yuan(0), T0));
    }

    @Test
    void settle_aboveTheHold_takesOnlyWhatIsAvailable_andRecordsTheRestUncollected() {
        fixture.given(opened(), toppedUp(1),
                        new FundsHeldEvent(ACCOUNT, USER, HoldId.of("call-1"), ApiKeyId.of("key_1"), nanos(700_000_000), "chat", yuan(1),
                                nanos(700_000_000), T0))
                .when(new SettleHoldCommand(ACCOUNT, HoldId.of("call-1"), USAGE, nanos(1_200_000_000), T0))
                .expectEvents(new HoldSettledEvent(ACCOUNT, USER, HoldId.of("call-1"), USAGE, nanos(700_000_000), yuan(1),
                        yuan(0), nanos(200_000_000), yuan(0), yuan(0), T0));
    }

    @Test
    void release_givesTheHoldBackWhole_andASecondReleaseIsAReplay() {
        FundsHeldEvent held = new FundsHeldEvent(ACCOUNT, USER, HoldId.of("call-1"), ApiKeyId.of("key_1"), nanos(700_000_000), "chat", yuan(1),
                nanos(700_000_000), T0);
        fixture.given(opened(), toppedUp(1), held)
                .when(new ReleaseHoldCommand(ACCOUNT, HoldId.of("call-1"), "upstream_error", T0))
                .expectEvents(new HoldReleasedEvent(ACCOUNT, USER, HoldId.of("call-1"), nanos(700_000_000), "upstream_error",
                        yuan(0), T0));
        fixture.given(opened(), toppedUp(1), held,
                        new HoldReleasedEvent(ACCOUNT, USER, HoldId.of("call-1"), nanos(700_000_000), "x", yuan(0), T0))
                .when(new ReleaseHoldCommand(ACCOUNT, HoldId.of("call-1"), "upstream_error", T0))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.predicate(
                        r -> ((AccountOperationResult) r).replayed()));
    }

    @Test
    void aClientRequestIdShapedLikeAServerOperation_neverPreClaimsIt() {
        FundsHeldEvent held = new FundsHeldEvent(ACCOUNT, USER, HoldId.of("call-1"), ApiKeyId.of("key_1"), nanos(700_000_000), "chat", yuan(1),
                nanos(700_000_000), T0);
        fixture.given(opened(), toppedUp(1), held)
                .andGivenCommands(
                        new ChargeUsageCommand(ACCOUNT, "settle:call-1", USAGE, nanos(0), SpendLimits.NONE, T0),
                        new ChargeUsageCommand(ACCOUNT, "call-1", USAGE, nanos(0), SpendLimits.NONE, T0),
                        new ChargeUsageCommand(ACCOUNT, "release:call-1", USAGE, nanos(0), SpendLimits.NONE, T0))
                .when(new SettleHoldCommand(ACCOUNT, HoldId.of("call-1"), USAGE, nanos(6_000_000), T0))
                .expectEvents(new HoldSettledEvent(ACCOUNT, USER, HoldId.of("call-1"), USAGE, nanos(700_000_000), nanos(6_000_000),
                        nanos(694_000_000), yuan(0), nanos(994_000_000), yuan(0), T0))
                .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.predicate(
                        r -> !((AccountOperationResult) r).replayed()
                                && ((AccountOperationResult) r).operationId().equals(op(OperationOrigin.SETTLEMENT, "call-1"))));
    }

    @Test
    void refund_ofAnIdNamingBothAMeteredAndAGatewayCall_mustSayWhich() {
        FundsHeldEvent held = new FundsHeldEvent(ACCOUNT, USER, HoldId.of("call-1"), ApiKeyId.of("key_1"), nanos(700_000_000), "chat", yuan(1),
                nanos(700_000_000), T0);
        fixture.given(opened(), toppedUp(1), held)
                .andGivenCommands(new ChargeUsageCommand(ACCOUNT, "call-1", USAGE, nanos(1_000), SpendLimits.NONE, T0),
                        new SettleHoldCommand(ACCOUNT, HoldId.of("call-1"), USAGE, nanos(6_000_000), T0))
                .when(new RefundUsageCommand(ACCOUNT, "call-1", null, nanos(1_000), "sorry", USER, T0))
                .expectException(refusedWith(ErrorCode.ERR_001));
        fixture.given(opened(), toppedUp(1), held)
                .andGivenCommands(new ChargeUsageCommand(ACCOUNT, "call-1", USAGE, nanos(1_000), SpendLimits.NONE, T0),
                        new SettleHoldCommand(ACCOUNT, HoldId.of("call-1"), USAGE, nanos(6_000_000), T0))
                .when(new RefundUsageCommand(ACCOUNT, "call-1", OperationOrigin.SETTLEMENT, nanos(6_000_000), "sorry",
                        USER, T0))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(org.axonframework.test.matchers.Matchers.predicate(
                        r -> ((AccountOperationResult) r).operationId()
                                .equals(op(OperationOrigin.USAGE_REFUND, "settlement:call-1"))));
    }

    @Test
    void settleOrRelease_ofAnUnknownHold_isErr004() {
        fixture.given(opened(), toppedUp(1))
                .when(new SettleHoldCommand(ACCOUNT, HoldId.of("nope"), USAGE, nanos(1), T0))
                .expectException(refusedWith(ErrorCode.ERR_004));
        fixture.given(opened(), toppedUp(1))
                .when(new ReleaseHoldCommand(ACCOUNT, HoldId.of("nope"), "x", T0))
                .expectException(refusedWith(ErrorCode.ERR_004));
    }

    @Test
    void keyDailyLimit_countsChargesAndHolds_andResetsNextDay() {
        SpendLimits daily = new SpendLimits(null, nanos(10_000_000), null);
        UsageChargedEvent spentToday = new UsageChargedEvent(ACCOUNT, USER, usage("r1"), USAGE, nanos(6_000_000),
                nanos(994_000_000), T0);
        fixture.given(opened(), toppedUp(1), spentToday)
                .when(new ChargeUsageCommand(ACCOUNT, "r2", USAGE, nanos(6_000_000), daily, T0.plusSeconds(60)))
                .expectException(refusedWith(ErrorCode.BILL_001));
        fixture.given(opened(), toppedUp(1), spentToday)
                .when(new PlaceHoldCommand(ACCOUNT, HoldId.of("h"), nanos(5_000_000), ApiKeyId.of("key_1"), daily, "chat", T0))
                .expectException(refusedWith(ErrorCode.BILL_001));
        fixture.given(opened(), toppedUp(1), spentToday)
                .when(new ChargeUsageCommand(ACCOUNT, "r2", USAGE, nanos(6_000_000), daily, T0.plusSeconds(86_400)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void negativeAdjustment_cannotOverdraw_butAForcedRefundMay() {
        fixture.given(opened(), toppedUp(1))
                .when(new AdjustBalanceCommand(ACCOUNT, "adj-1", yuan(-2), "correction", UserId.of("usr_admin"), T0))
                .expectException(refusedWith(ErrorCode.BILL_001));
        fixture.given(opened(), toppedUp(1))
                .when(new DebitPaymentRefundCommand(ACCOUNT, PaymentId.of("p1"), RefundId.of("r1"), yuan(2), false, null, T0))
                .expectException(refusedWith(ErrorCode.BILL_001));
        fixture.given(opened(), toppedUp(1))
                .when(new DebitPaymentRefundCommand(ACCOUNT, PaymentId.of("p1"), RefundId.of("r1"), yuan(2), true, "chargeback", T0))
                .expectEvents(new PaymentRefundDebitedEvent(ACCOUNT, USER, op(OperationOrigin.PAYMENT_REFUND, "p1:r1"), PaymentId.of("p1"), yuan(2), true,
                        "chargeback", yuan(-1), T0));
    }

    @Test
    void amountsInAnotherCurrency_areRefused() {
        fixture.given(opened())
                .when(new CreditTopUpCommand(ACCOUNT, PaymentId.of("p1"), "stripe", Money.of(5, "USD"), T0))
                .expectException(refusedWith(ErrorCode.ERR_001));
    }
}
