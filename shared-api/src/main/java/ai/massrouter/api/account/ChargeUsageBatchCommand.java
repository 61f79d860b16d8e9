package ai.massrouter.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Charges many calls to one account in one unit of work (one transaction): the shape in which
 * charges waiting for the same account are coalesced. Each charge succeeds or fails on its own.
 */
public record ChargeUsageBatchCommand(@TargetAggregateIdentifier AccountId accountId, List<UsageCharge> charges,
                                      Instant at) {
}
