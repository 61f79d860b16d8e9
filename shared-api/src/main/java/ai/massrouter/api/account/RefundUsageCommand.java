package ai.massrouter.api.account;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Gives back (part of) a usage charge, once per charge. The charge is named by its request id and
 * where it came from: {@code usage} (metered through the API) or {@code settlement} (a gateway
 * call). With {@code chargeOrigin} null the account finds it, and refuses an id that names both.
 */
public record RefundUsageCommand(@TargetAggregateIdentifier AccountId accountId, String chargeId,
                                 OperationOrigin chargeOrigin, Money amount, String reason, UserId refundedBy,
                                 Instant at) {
}
