package ai.massrouter.api.redemption;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** One code of a batch: worth {@code amount}, redeemable once until {@code expiresAt} (null: no expiry). */
public record CreateRedemptionCodeCommand(@TargetAggregateIdentifier RedemptionCodeId codeId, RedemptionBatchId batchId,
                                          Money amount, Instant expiresAt, UserId createdBy, Instant at) {
}
