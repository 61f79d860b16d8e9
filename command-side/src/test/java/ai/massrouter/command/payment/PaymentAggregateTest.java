package ai.massrouter.command.payment;

import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.RefundId;
import ai.massrouter.api.payment.*;
import ai.massrouter.api.user.UserId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static ai.massrouter.command.DomainMatchers.refusedWith;
import static org.axonframework.test.matchers.Matchers.predicate;

class PaymentAggregateTest {

    static final PaymentId PAYMENT = PaymentId.of("pay_1");
    static final UserId USER = UserId.of("usr_1");
    static final AccountId ACCOUNT = AccountId.forUser(USER);
    static final UserId ADMIN = UserId.of("usr_admin");
    static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    static final Instant EXPIRES = T0.plus(Duration.ofMinutes(30));
    static final PaymentCheckout CHECKOUT = new PaymentCheckout("cs_1", "https://checkout.test/cs_1", null, null);

    private AggregateTestFixture<PaymentAggregate> fixture;

    static Money usd(String amount) {
        return Money.ofDecimal(new BigDecimal(amount), "USD");
    }

    static Money yuan(String amount) {
        return Money.ofDecimal(new BigDecimal(amount), "CNY");
    }

    /** An order of 10.00 USD at 7.1: it credits 71.00 CNY. */
    static PaymentCreatedEvent created() {
        return new PaymentCreatedEvent(PAYMENT, USER, ACCOUNT, PaymentMethod.STRIPE, usd("10.00"), yuan("71"),
                new BigDecimal("7.1"), CHECKOUT, EXPIRES, T0);
    }

    static PaymentSucceededEvent succeeded(boolean late) {
        return new PaymentSucceededEvent(PAYMENT, USER, ACCOUNT, PaymentMethod.STRIPE, usd("10.00"), yuan("71"),
                "cs_1", "stripe:evt_1", late, T0.plusSeconds(60));
    }

    static CreatePaymentCommand create() {
        return new CreatePaymentCommand(PAYMENT, USER, PaymentMethod.STRIPE, usd("10.00"), yuan("71"),
                new BigDecimal("7.1"), CHECKOUT, EXPIRES, T0);
    }

    static CompletePaymentCommand paid(Money amount) {
        return new CompletePaymentCommand(PAYMENT, PaymentMethod.STRIPE, "cs_1", amount, "cs_1", "stripe:evt_1",
                T0.plusSeconds(60));
    }

    static PaymentRefundRequestedEvent refundRequested(String id, String amount, String debit) {
        return new PaymentRefundRequestedEvent(PAYMENT, USER, ACCOUNT, RefundId.of(id), usd(amount), yuan(debit), false, "asked",
                ADMIN, T0);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PaymentAggregate.class);
    }

    @Test
    void create_recordsTheOrder_andSchedulesItsExpiry() {
        fixture.givenNoPriorActivity()
                .when(create())
                .expectEvents(created())
                .expectScheduledDeadlineWithName(EXPIRES, PaymentAggregate.EXPIRY);
    }

    @Test
    void matchingReport_succeeds() {
        fixture.given(created())
                .when(paid(usd("10.00")))
                .expectEvents(succeeded(false))
                .expectResultMessagePayload(new PaymentCompletion(PAYMENT, PaymentStatus.SUCCEEDED, false, null));
    }

    @Test
    void reportNamingAnotherCheckoutSession_isRefused_andChangesNothing() {
        fixture.given(created())
                .when(new CompletePaymentCommand(PAYMENT, PaymentMethod.STRIPE, "cs_other", usd("10.00"), "cs_other",
                        "stripe:evt_2", T0.plusSeconds(60)))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.ERR_001));
    }

    @Test
    void reportOfAnotherMethod_isRefused_evenWithTheRightReference() {
        fixture.given(created())
                .when(new CompletePaymentCommand(PAYMENT, PaymentMethod.ALIPAY, "cs_1", usd("10.00"), "2026031022001",
                        "alipay:n1", T0.plusSeconds(60)))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.ERR_001));
    }

    @Test
    void failureReportOfAnotherOrder_failsNothing() {
        fixture.given(created())
                .when(new FailPaymentCommand(PAYMENT, PaymentMethod.STRIPE, "cs_other", "declined", "stripe:evt_3",
                        T0.plusSeconds(60)))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.ERR_001));
    }

    @Test
    void bankTransferOrder_isSettledByNoProviderReport() {
        PaymentCheckout bank = new PaymentCheckout("MR-123", null, null, null);
        fixture.given(new PaymentCreatedEvent(PAYMENT, USER, ACCOUNT, PaymentMethod.BANK_TRANSFER, yuan("10"),
                        yuan("10"), BigDecimal.ONE, bank, EXPIRES, T0))
                .when(new CompletePaymentCommand(PAYMENT, PaymentMethod.STRIPE, "MR-123", yuan("10"), "cs_9",
                        "stripe:evt_4", T0.plusSeconds(60)))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.ERR_001));
    }

    @Test
    void secondReport_isADuplicate_andChangesNothing() {
        fixture.given(created(), succeeded(false))
                .when(paid(usd("10.00")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(predicate(r -> ((PaymentCompletion) r).duplicate()));
    }

    @Test
    void amountMismatch_failsThePaymentWithBill002() {
        fixture.given(created())
                .when(paid(usd("9.99")))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(predicate(e ->
                                e instanceof PaymentFailedEvent f && f.errorCode().equals("BILL_002")
                                        && f.reported().equals(usd("9.99"))),
                                org.axonframework.test.matchers.Matchers.andNoMore())))
                .expectResultMessagePayloadMatching(predicate(r -> ((PaymentCompletion) r).failure().code()
                        == ErrorCode.BILL_002));
    }

    @Test
    void currencyMismatch_failsThePayment_andALaterCorrectReportCreditsNothing() {
        fixture.given(created())
                .when(paid(Money.ofDecimal(new BigDecimal("10.00"), "EUR")))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                predicate(e -> e instanceof PaymentFailedEvent),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
        fixture.given(created(), new PaymentFailedEvent(PAYMENT, USER, "BILL_002", "currency", null, "s", T0))
                .when(paid(usd("10.00")))
                .expectNoEvents();
    }

    @Test
    void deadline_expiresAPendingOrder_atItsExpiryTime() {
        fixture.givenCommands(create())
                .whenThenTimeElapses(Duration.ofMinutes(31))
                .expectDeadlinesMet(new PaymentExpiryDue(PAYMENT, EXPIRES))
                .expectEvents(new PaymentExpiredEvent(PAYMENT, USER, EXPIRES));
    }

    @Test
    void deadline_afterSuccess_firesButChangesNothing() {
        fixture.givenCommands(create(), paid(usd("10.00")))
                .whenThenTimeElapses(Duration.ofMinutes(31))
                .expectDeadlinesMet(new PaymentExpiryDue(PAYMENT, EXPIRES))
                .expectNoEvents();
    }

    @Test
    void lateSuccess_afterExpiry_isHonoured_andMarkedLate() {
        fixture.given(created(), new PaymentExpiredEvent(PAYMENT, USER, EXPIRES))
                .when(paid(usd("10.00")))
                .expectEvents(succeeded(true));
    }

    @Test
    void bankConfirmation_ofAProviderPayment_isRefused() {
        fixture.given(created())
                .when(new ConfirmBankTransferCommand(PAYMENT, usd("10.00"), "ref", ADMIN, T0))
                .expectException(refusedWith(ErrorCode.ERR_001));
    }

    @Test
    void refund_ofAPendingPayment_isRefused() {
        fixture.given(created())
                .when(new RequestPaymentRefundCommand(PAYMENT, RefundId.of("r1"), null, false, null, ADMIN, T0))
                .expectException(refusedWith(ErrorCode.ERR_001));
    }

    @Test
    void partialRefund_reservesTheAmount_andConvertsTheDebitAtTheRecordedRate() {
        fixture.given(created(), succeeded(false))
                .when(new RequestPaymentRefundCommand(PAYMENT, RefundId.of("r1"), new BigDecimal("4.00"), false, "asked", ADMIN, T0))
                .expectEvents(refundRequested("r1", "4.00", "28.4"));
    }

    @Test
    void refund_pastWhatIsLeft_isRefused() {
        fixture.given(created(), succeeded(false), refundRequested("r1", "4.00", "28.4"))
                .when(new RequestPaymentRefundCommand(PAYMENT, RefundId.of("r2"), new BigDecimal("6.01"), false, null, ADMIN, T0))
                .expectException(refusedWith(ErrorCode.ERR_001));
    }

    @Test
    void forcedRefund_withoutReason_isRefused() {
        fixture.given(created(), succeeded(false))
                .when(new RequestPaymentRefundCommand(PAYMENT, RefundId.of("r1"), null, true, " ", ADMIN, T0))
                .expectException(refusedWith(ErrorCode.ERR_001));
    }

    @Test
    void completingTheLastRefund_marksThePaymentRefunded() {
        fixture.given(created(), succeeded(false), refundRequested("r1", "4.00", "28.4"),
                        new PaymentRefundedEvent(PAYMENT, USER, RefundId.of("r1"), usd("4.00"), yuan("28.4"), usd("4.00"),
                                PaymentStatus.SUCCEEDED, T0),
                        refundRequested("r2", "6.00", "42.6"))
                .when(new CompletePaymentRefundCommand(PAYMENT, RefundId.of("r2"), T0))
                .expectEvents(new PaymentRefundedEvent(PAYMENT, USER, RefundId.of("r2"), usd("6.00"), yuan("42.6"), usd("10.00"),
                        PaymentStatus.REFUNDED, T0));
    }

    @Test
    void declinedRefund_releasesItsReservation_andIsRememberedUnderItsId() {
        fixture.given(created(), succeeded(false), refundRequested("r1", "10.00", "71"),
                        new PaymentRefundDeclinedEvent(PAYMENT, USER, RefundId.of("r1"), usd("10.00"), "BILL_001", "spent", T0))
                .when(new RequestPaymentRefundCommand(PAYMENT, RefundId.of("r1"), null, false, null, ADMIN, T0))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(predicate(t -> ((PaymentRefundTicket) t).state()
                        == RefundState.DECLINED && ((PaymentRefundTicket) t).replayed()));
        fixture.given(created(), succeeded(false), refundRequested("r1", "10.00", "71"),
                        new PaymentRefundDeclinedEvent(PAYMENT, USER, RefundId.of("r1"), usd("10.00"), "BILL_001", "spent", T0))
                .when(new RequestPaymentRefundCommand(PAYMENT, RefundId.of("r2"), null, true, "chargeback", ADMIN, T0))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(predicate(e ->
                                e instanceof PaymentRefundRequestedEvent r && r.amount().equals(usd("10.00"))
                                        && r.force()), org.axonframework.test.matchers.Matchers.andNoMore())));
    }
}
