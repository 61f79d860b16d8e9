package ai.massrouter.api.redemption;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;

import java.time.Instant;

/**
 * A batch of codes as issued ({@code amount} each, {@code expiresAt} null: no expiry) and how many
 * were redeemed so far. Never the codes: only their hashes are known.
 */
public record RedemptionBatchView(String batchId, Money amount, long issued, long redeemed, Instant expiresAt,
                                  UserId createdBy, Instant createdAt, Instant lastRedeemedAt) {
}
