package ai.massrouter.gateway;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.CallTimings;
import ai.massrouter.api.account.HoldId;
import ai.massrouter.api.account.PlaceHoldCommand;
import ai.massrouter.api.account.ReleaseHoldCommand;
import ai.massrouter.api.account.SettleHoldCommand;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.gateway.provider.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The money of a call: a hold for the most it can cost before the upstream is asked, then a
 * settlement at the usage and the prices of its start, or a release when it produced nothing.
 * Each names the request id, so a retried command moves money once. The steps of concurrent calls
 * are committed together ({@link HoldSteps}).
 */
@Component
public class CallBilling {

    private static final Logger log = LoggerFactory.getLogger(CallBilling.class);

    private final HoldSteps steps;
    private final Clock clock;

    public CallBilling(HoldSteps steps, Clock clock) {
        this.steps = steps;
        this.clock = clock;
    }

    /**
     * The most a call can cost: its prompt estimate and its whole completion budget for each of the
     * {@code n} answers asked for. Refused with BILL_001.
     */
    public void hold(GatewayCall call) {
        Money amount = call.pricing().cost(call.promptEstimate(),
                Math.multiplyExact(call.completionBudget(), call.choices()));
        steps.send(new PlaceHoldCommand(account(call), holdId(call), amount, call.caller().apiKey(),
                call.caller().keyLimits(), call.endpoint() + " " + call.model().id(), call.startedAt()));
    }

    /** What the usage costs at the call's prices: cached prompt tokens at the cache-read price, if any. */
    public static Money cost(GatewayCall call, TokenUsage usage) {
        return call.pricing().cost(usage.promptTokens(), usage.cachedPromptTokens(), usage.completionTokens());
    }

    /**
     * Charges the call and returns what the ledger took (the cost, less any part that could not be
     * collected). A failure here must not turn a delivered answer into an error: it is logged, the
     * answer is null, and the hold stays open until the stale-hold sweep releases it (docs/ledger.md).
     * {@code timings}: how fast the upstream answered, for the statistics.
     */
    public Money settle(GatewayCall call, String provider, TokenUsage usage, CallTimings timings) {
        UsageDetails details = new UsageDetails(call.caller().userId(), call.caller().apiKey(), ModelId.of(call.model().id()),
                provider, call.model().category(), usage.promptTokens(), usage.completionTokens(), call.pricing(),
                usage.cachedPromptTokens(), usage.reasoningTokens(), timings);
        Money cost = cost(call, usage);
        try {
            AccountOperationResult result = steps.send(new SettleHoldCommand(account(call), holdId(call),
                    details, cost, clock.instant()));
            return result == null ? cost : result.amount();
        } catch (RuntimeException e) {
            log.error("Settling {} ({} {}) failed; its hold stays open until the stale-hold sweep", call.requestId(), usage, cost, e);
            return null;
        }
    }

    public void release(GatewayCall call, String reason) {
        try {
            steps.send(new ReleaseHoldCommand(account(call), holdId(call), reason, clock.instant()));
        } catch (RuntimeException e) {
            log.error("Releasing the hold of {} failed; it stays open", call.requestId(), e);
        }
    }

    private static AccountId account(GatewayCall call) {
        return AccountId.forUser(call.caller().userId());
    }

    /** The call's hold is named by its request id. */
    private static HoldId holdId(GatewayCall call) {
        return HoldId.of(call.requestId());
    }
}
