package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Gives back (part of) a usage charge, named by its operation id; once per charge. */
public record RefundUsageCommand(@TargetAggregateIdentifier AccountId accountId, String chargeOperationId,
                                 Money amount, String reason, UserId refundedBy, Instant at) {
}
