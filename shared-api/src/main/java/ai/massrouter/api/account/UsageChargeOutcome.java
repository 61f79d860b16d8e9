package ai.massrouter.api.account;

import ai.massrouter.api.common.ErrorDetails;

/** One charge of a batch: its result, or why it was refused (then nothing moved for it). */
public record UsageChargeOutcome(String requestId, AccountOperationResult result, ErrorDetails error) {
}
