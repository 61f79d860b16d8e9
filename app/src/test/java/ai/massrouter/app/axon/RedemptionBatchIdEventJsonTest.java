package ai.massrouter.app.axon;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.redemption.RedemptionBatchId;
import ai.massrouter.api.redemption.RedemptionCodeCreatedEvent;
import ai.massrouter.api.redemption.RedemptionCodeId;
import ai.massrouter.api.redemption.RedemptionCodeRedeemedEvent;
import ai.massrouter.api.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static ai.massrouter.app.axon.TypedIdsEventJsonTest.assertStoredAs;
import static ai.massrouter.app.axon.TypedIdsEventJsonTest.money;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches of redemption codes are named by a {@link RedemptionBatchId}, not a String. The stored
 * events must not see it: each is written to exactly the JSON of its String version, and that JSON
 * reads back into the typed event.
 */
class RedemptionBatchIdEventJsonTest {

    private static final RedemptionCodeId CODE = RedemptionCodeId.of("rc_0a1b2c");
    private static final RedemptionBatchId BATCH = RedemptionBatchId.of("rcb_5f0c6d1e8a4b4f3e9c1d2b7a6e5d4c3b");
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String WHO = "\"codeId\":\"rc_0a1b2c\",\"batchId\":\"rcb_5f0c6d1e8a4b4f3e9c1d2b7a6e5d4c3b\"";

    @Test
    void codeCreated_namesItsBatchByTheBareString() {
        RedemptionCodeCreatedEvent event = new RedemptionCodeCreatedEvent(CODE, BATCH, Money.of(10, "CNY"),
                Instant.parse("2027-01-01T00:00:00Z"), UserId.of("usr_admin"), AT);

        assertStoredAs(event, "1", "{" + WHO + "," + money("amount", 10) + ",\"expiresAt\":\"2027-01-01T00:00:00Z\","
                + "\"createdBy\":\"usr_admin\",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void codeRedeemed_namesItsBatchByTheBareString() {
        RedemptionCodeRedeemedEvent event = new RedemptionCodeRedeemedEvent(CODE, BATCH, UserId.of("usr_1"),
                Money.of(10, "CNY"), AT);

        assertStoredAs(event, "1", "{" + WHO + ",\"userId\":\"usr_1\"," + money("amount", 10)
                + ",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void aGeneratedBatchId_isRcbAndAUuidsHex() {
        assertThat(RedemptionBatchId.generate().value()).matches("rcb_[0-9a-f]{32}");
    }
}
