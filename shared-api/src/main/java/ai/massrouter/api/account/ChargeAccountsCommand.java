package ai.massrouter.api.account;

import java.util.List;

/**
 * Many accounts' batches of charges in one unit of work, one transaction and one commit: what the
 * charge coalescer sends for the charges that waited together. Answered with one
 * {@link UsageBatchResult} per batch, in the same order; a failure fails them all, and nothing moves.
 */
public record ChargeAccountsCommand(List<ChargeUsageBatchCommand> batches) {
}
