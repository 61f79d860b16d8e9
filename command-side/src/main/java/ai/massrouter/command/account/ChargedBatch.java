package ai.massrouter.command.account;

import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.UsageBatchResult;

import java.util.List;

/** A batch of charges decided and applied: the answer, and the operations to record with its events. */
record ChargedBatch(UsageBatchResult result, List<AccountOperationResult> recorded) {
}
