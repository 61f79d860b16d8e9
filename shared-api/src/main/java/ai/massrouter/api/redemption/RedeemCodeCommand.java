package ai.massrouter.api.redemption;

import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A user redeems a code: once for everyone, refused when used or expired (ERR_001). */
public record RedeemCodeCommand(@TargetAggregateIdentifier RedemptionCodeId codeId, UserId userId, Instant at) {
}
