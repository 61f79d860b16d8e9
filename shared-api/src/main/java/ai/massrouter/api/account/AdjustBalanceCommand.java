package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * An administrator's correction, positive or negative, with a reason; never below zero available.
 * Once per {@code adjustmentId}: its operation is {@code (adjustment, adjustmentId)}.
 */
public record AdjustBalanceCommand(@TargetAggregateIdentifier AccountId accountId, String adjustmentId, Money amount,
                                   String reason, UserId adjustedBy, Instant at) {
}
