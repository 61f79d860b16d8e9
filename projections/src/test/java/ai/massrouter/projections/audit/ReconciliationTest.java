package ai.massrouter.projections.audit;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.FundsHeldEvent;
import ai.massrouter.api.account.HoldId;
import ai.massrouter.api.account.HoldReleasedEvent;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.account.OperationId;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.account.PaymentRefundDebitedEvent;
import ai.massrouter.api.account.TopUpCreditedEvent;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.audit.LedgerCheckView.Break;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.RefundId;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.payment.PaymentCheckout;
import ai.massrouter.api.payment.PaymentCreatedEvent;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.payment.PaymentMethod;
import ai.massrouter.api.payment.PaymentRefundDeclinedEvent;
import ai.massrouter.api.payment.PaymentRefundRequestedEvent;
import ai.massrouter.api.payment.PaymentRefundedEvent;
import ai.massrouter.api.payment.PaymentStatus;
import ai.massrouter.api.payment.PaymentSucceededEvent;
import ai.massrouter.api.user.UserId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each rule of the reconciliation on hand-made event sequences: clean flows pass, each break is named with its ids. */
class ReconciliationTest {

    static final UserId USER = UserId.of("usr_1");
    static final AccountId ACCOUNT = AccountId.forUser(USER);
    static final PaymentId PAYMENT = PaymentId.of("pay_1");
    static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofHours(1));
    static final ModelPricing PRICING = new ModelPricing(yuan("1.00"), yuan("2.00"));
    static final UsageDetails USAGE = new UsageDetails(USER, ApiKeyId.of("key_1"), ModelId.of("mock/echo"), "mock", "chat", 1000, 500, PRICING);

    private final Reconciliation reconciliation = new Reconciliation();

    static Money yuan(String amount) {
        return Money.ofDecimal(new BigDecimal(amount), "CNY");
    }

    static Money usd(String amount) {
        return Money.ofDecimal(new BigDecimal(amount), "USD");
    }

    /** 10.00 USD at 7.1: credits 71.00 CNY. */
    static PaymentCreatedEvent created() {
        return new PaymentCreatedEvent(PAYMENT, USER, ACCOUNT, PaymentMethod.STRIPE, usd("10.00"), yuan("71"),
                new BigDecimal("7.1"), new PaymentCheckout("cs_1", null, null, null), T0, T0);
    }

    static PaymentSucceededEvent succeeded(Money credit) {
        return new PaymentSucceededEvent(PAYMENT, USER, ACCOUNT, PaymentMethod.STRIPE, usd("10.00"), credit, "cs_1",
                "stripe:evt_1", false, T0);
    }

    static TopUpCreditedEvent credited(Money amount) {
        return new TopUpCreditedEvent(ACCOUNT, USER, OperationId.of(OperationOrigin.TOPUP, PAYMENT.value()),
                PAYMENT, "stripe", amount, amount, T0);
    }

    static FundsHeldEvent held(String holdId, String amount) {
        return new FundsHeldEvent(ACCOUNT, USER, HoldId.of(holdId), ApiKeyId.of("key_1"), yuan(amount), "chat.completions mock/echo",
                yuan("100"), yuan(amount), T0);
    }

    /** Usage of 1000 prompt and 500 completion tokens at 1.00/2.00 per million: 0.002. */
    static HoldSettledEvent settled(String holdId, String held, String charged) {
        Money c = yuan(charged);
        return new HoldSettledEvent(ACCOUNT, USER, HoldId.of(holdId), USAGE, yuan(held), c, yuan(held).minus(c),
                Money.zero("CNY"), yuan("100").minus(c), Money.zero("CNY"), T0);
    }

    static HoldReleasedEvent released(String holdId, String amount) {
        return new HoldReleasedEvent(ACCOUNT, USER, HoldId.of(holdId), yuan(amount), "upstream failed", Money.zero("CNY"), T0);
    }

    static PaymentRefundRequestedEvent refundRequested(String refundId, String amount, String debit) {
        return new PaymentRefundRequestedEvent(PAYMENT, USER, ACCOUNT, RefundId.of(refundId), usd(amount), yuan(debit), false, "r",
                USER, T0);
    }

    static PaymentRefundedEvent refunded(String refundId, String amount, String debit) {
        return new PaymentRefundedEvent(PAYMENT, USER, RefundId.of(refundId), usd(amount), yuan(debit), usd(amount),
                PaymentStatus.SUCCEEDED, T0);
    }

    static PaymentRefundDebitedEvent debited(String amount) {
        return new PaymentRefundDebitedEvent(ACCOUNT, USER, OperationId.of(OperationOrigin.PAYMENT_REFUND,
                PAYMENT.value() + ":" + amount), PAYMENT, yuan(amount), false, null, yuan("0"), T0);
    }

    private List<Break> run(Object... events) {
        for (Object event : events) {
            reconciliation.apply(event, T0);
        }
        return reconciliation.finish(NOW, Duration.ofMinutes(5));
    }

    @Test
    void cleanFlows_areReconciled() {
        List<Break> breaks = run(created(), succeeded(yuan("71")), credited(yuan("71")),
                refundRequested("refund_a", "2.00", "14.2"), debited("14.2"), refunded("refund_a", "2.00", "14.2"),
                refundRequested("refund_b", "1.00", "7.1"), new PaymentRefundDeclinedEvent(PAYMENT, USER, RefundId.of("refund_b"),
                        usd("1.00"), "BILL_001", "spent", T0),
                held("req_1", "0.01"), settled("req_1", "0.01", "0.002"),
                held("req_2", "0.01"), released("req_2", "0.01"),
                held("req_3", "0.01"));

        assertThat(breaks).isEmpty();
        assertThat(reconciliation.flows().paymentsSucceeded()).isEqualTo(1);
        assertThat(reconciliation.flows().holds()).isEqualTo(3);
        assertThat(reconciliation.flows().gatewayCalls()).isEqualTo(3);
        assertThat(reconciliation.flows().holdsOpen()).isEqualTo(1);
        assertThat(reconciliation.flows().inFlight()).isZero();
    }

    @Test
    void successWithoutCredit_isABreak_onceTheGracePeriodIsOver() {
        assertThat(run(created(), succeeded(yuan("71"))))
                .extracting(Break::kind, Break::accountId, Break::paymentId)
                .containsExactly(tuple("payment_not_credited", ACCOUNT.value(), PAYMENT.value()));

        Reconciliation fresh = new Reconciliation();
        fresh.apply(created(), T0);
        fresh.apply(succeeded(yuan("71")), T0);
        assertThat(fresh.finish(T0.plusSeconds(10), Duration.ofMinutes(5))).isEmpty();
        assertThat(fresh.flows().inFlight()).isEqualTo(1);
    }

    @Test
    void secondCredit_wrongAmount_andCreditWithoutPayment_areBreaks() {
        assertThat(run(created(), succeeded(yuan("71")), credited(yuan("71")), credited(yuan("71"))))
                .extracting(Break::kind).containsExactly("payment_credited_twice");

        Reconciliation other = new Reconciliation();
        other.apply(created(), T0);
        other.apply(succeeded(yuan("71")), T0);
        other.apply(credited(yuan("710")), T0);
        assertThat(other.finish(NOW, Duration.ZERO)).extracting(Break::kind).containsExactly("credit_amount_differs");

        Reconciliation orphan = new Reconciliation();
        orphan.apply(credited(yuan("5")), T0);
        // a credit that names no payment (another kind of top-up) has no payment side
        orphan.apply(new TopUpCreditedEvent(ACCOUNT, USER, OperationId.of(OperationOrigin.SIGNUP_CREDIT, "acc_1"),
                null, null, yuan("1"), yuan("6"), T0), T0);
        assertThat(orphan.finish(NOW, Duration.ZERO)).extracting(Break::kind, Break::paymentId)
                .containsExactly(tuple("credit_without_payment", PAYMENT.value()));
    }

    @Test
    void successCrediting_otherThanTheRecordedRate_isABreak() {
        assertThat(run(created(), succeeded(yuan("100")), credited(yuan("100"))))
                .extracting(Break::kind).containsExactly("fx_conversion_differs");
    }

    @Test
    void refundWithoutDebit_andDebitWithoutRefund_areBreaks_withTheirIds() {
        List<Break> breaks = run(created(), succeeded(yuan("71")), credited(yuan("71")),
                refundRequested("refund_a", "2.00", "14.2"), refunded("refund_a", "2.00", "14.2"),
                debited("3"));

        assertThat(breaks).extracting(Break::kind, Break::paymentId, Break::refundId)
                .containsExactlyInAnyOrder(tuple("refund_not_debited", PAYMENT.value(), "refund_a"),
                        tuple("refund_debit_without_refund", PAYMENT.value(), null));
    }

    @Test
    void debitedRefundNeverCompleted_isInFlight_thenABreak() {
        assertThat(run(created(), succeeded(yuan("71")), credited(yuan("71")),
                refundRequested("refund_a", "2.00", "14.2"), debited("14.2")))
                .extracting(Break::kind, Break::refundId).containsExactly(tuple("refund_not_completed", "refund_a"));
    }

    @Test
    void holdSettledTwice_releasedAfterSettlement_orClosedWithoutHold_areBreaks() {
        List<Break> breaks = run(held("req_1", "0.01"), settled("req_1", "0.01", "0.002"),
                settled("req_1", "0.01", "0.002"), released("req_1", "0.01"), released("req_9", "0.01"));

        assertThat(breaks).extracting(Break::kind, Break::accountId, Break::holdId).containsExactly(
                tuple("hold_closed_twice", ACCOUNT.value(), "req_1"),
                tuple("hold_closed_twice", ACCOUNT.value(), "req_1"),
                tuple("hold_closed_without_hold", ACCOUNT.value(), "req_9"));
    }

    @Test
    void holdPlacedTwice_wrongAmounts_andASettlementOffItsUsage_areBreaks() {
        List<Break> breaks = run(held("req_1", "0.01"), held("req_1", "0.01"),
                held("req_2", "0.01"), released("req_2", "0.02"),
                held("req_3", "0.01"), settled("req_3", "0.01", "0.001"));

        assertThat(breaks).extracting(Break::kind, Break::holdId).containsExactly(
                tuple("hold_placed_twice", "req_1"), tuple("hold_amount_differs", "req_2"),
                tuple("settlement_differs_from_usage", "req_3"));
    }
}
