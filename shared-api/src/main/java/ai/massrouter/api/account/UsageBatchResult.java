package ai.massrouter.api.account;

import java.util.List;

/** The outcomes of a {@link ChargeUsageBatchCommand}, in the order of its charges. */
public record UsageBatchResult(List<UsageChargeOutcome> outcomes) {
}
