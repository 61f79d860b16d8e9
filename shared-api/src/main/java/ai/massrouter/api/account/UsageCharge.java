package ai.massrouter.api.account;

import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.Money;

/** One metered call to charge: its request id, what it used, its price and the key's limits. */
public record UsageCharge(String requestId, UsageDetails usage, Money amount, SpendLimits keyLimits) {
}
