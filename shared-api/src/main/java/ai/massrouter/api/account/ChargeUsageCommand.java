package ai.massrouter.api.account;

import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Charges one metered call; {@code requestId} is the call's request id. {@code amount} is the
 * price of the usage at the unit prices in {@code usage.pricing()}; {@code keyLimits} are the
 * calling key's spend limits (or {@link SpendLimits#NONE}).
 */
public record ChargeUsageCommand(@TargetAggregateIdentifier AccountId accountId, String requestId,
                                 UsageDetails usage, Money amount, SpendLimits keyLimits, Instant at) {
}
