package ai.massrouter.api.redemption;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A code was issued: its id is the code's hash, never the code. */
@Revision("1")
public record RedemptionCodeCreatedEvent(RedemptionCodeId codeId, RedemptionBatchId batchId, Money amount,
                                         Instant expiresAt, UserId createdBy, Instant at) {
}
