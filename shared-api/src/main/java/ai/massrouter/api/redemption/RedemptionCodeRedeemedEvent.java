package ai.massrouter.api.redemption;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The code's one redemption: the user's account is credited {@code amount} (operation (redemption, codeId)). */
@Revision("1")
public record RedemptionCodeRedeemedEvent(RedemptionCodeId codeId, RedemptionBatchId batchId, UserId userId,
                                          Money amount, Instant at) {
}
