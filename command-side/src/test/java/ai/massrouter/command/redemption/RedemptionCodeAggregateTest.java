package ai.massrouter.command.redemption;

import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.redemption.CreateRedemptionCodeCommand;
import ai.massrouter.api.redemption.RedeemCodeCommand;
import ai.massrouter.api.redemption.RedemptionBatchId;
import ai.massrouter.api.redemption.RedemptionCodeCreatedEvent;
import ai.massrouter.api.redemption.RedemptionCodeId;
import ai.massrouter.api.redemption.RedemptionCodeRedeemedEvent;
import ai.massrouter.api.user.UserId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static ai.massrouter.command.DomainMatchers.refusedWith;

class RedemptionCodeAggregateTest {

    private static final RedemptionCodeId CODE = RedemptionCodeId.ofCode("MR-TEST-0000-0000-0001");
    private static final RedemptionBatchId BATCH = RedemptionBatchId.of("rcb_1");
    private static final UserId ADMIN = UserId.of("usr_admin");
    private static final UserId ALICE = UserId.of("usr_alice");
    private static final UserId BOB = UserId.of("usr_bob");
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant EXPIRY = T0.plusSeconds(3600);

    private AggregateTestFixture<RedemptionCodeAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RedemptionCodeAggregate.class);
    }

    private static RedemptionCodeCreatedEvent issued() {
        return new RedemptionCodeCreatedEvent(CODE, BATCH, Money.of(10, "CNY"), EXPIRY, ADMIN, T0);
    }

    @Test
    void code_isIdentifiedByItsHash_whateverTheCaseOrSpaces() {
        org.assertj.core.api.Assertions.assertThat(RedemptionCodeId.ofCode(" mr-test-0000-0000-0001 ")).isEqualTo(CODE);
        org.assertj.core.api.Assertions.assertThat(CODE.value()).startsWith("rc_").doesNotContain("TEST");
    }

    @Test
    void issue_recordsTheCode_withItsAmountAndExpiry() {
        fixture.givenNoPriorActivity()
                .when(new CreateRedemptionCodeCommand(CODE, BATCH, Money.of(10, "CNY"), EXPIRY, ADMIN, T0))
                .expectEvents(issued());
    }

    @Test
    void redeem_once_thenRefusedWithErr001() {
        fixture.given(issued())
                .when(new RedeemCodeCommand(CODE, ALICE, T0.plusSeconds(1)))
                .expectEvents(new RedemptionCodeRedeemedEvent(CODE, BATCH, ALICE, Money.of(10, "CNY"),
                        T0.plusSeconds(1)));
        fixture.given(issued(), new RedemptionCodeRedeemedEvent(CODE, BATCH, ALICE, Money.of(10, "CNY"), T0))
                .when(new RedeemCodeCommand(CODE, BOB, T0.plusSeconds(2)))
                .expectException(refusedWith(ErrorCode.ERR_001))
                .expectNoEvents();
    }

    @Test
    void redeem_atOrAfterExpiry_isRefusedWithErr001() {
        fixture.given(issued())
                .when(new RedeemCodeCommand(CODE, ALICE, EXPIRY))
                .expectException(refusedWith(ErrorCode.ERR_001))
                .expectNoEvents();
    }
}
