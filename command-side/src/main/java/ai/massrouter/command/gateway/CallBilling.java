package ai.massrouter.command.gateway;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.CallTimings;
import ai.massrouter.api.account.PlaceHoldCommand;
import ai.massrouter.api.account.ReleaseHoldCommand;
import ai.massrouter.api.account.SettleHoldCommand;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.common.Money;
import ai.massrouter.command.gateway.provider.TokenUsage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The money of a call: a hold for the most it can cost before the upstream is asked, then a
 * settlement at the usage and the prices of its start, or a release when it produced nothing.
 * Each names the request id, so a retried command moves money once.
 */
@Component
public class CallBilling {

    private static final Logger log = LoggerFactory.getLogger(CallBilling.class);

    private final CommandGateway commands;
    private final Clock clock;

    public CallBilling(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * The most a call can cost: its prompt estimate and its whole completion budget for each of the
     * {@code n} answers asked for. Refused with BILL_001.
     */
    public void hold(GatewayCall call) {
        Money amount = call.pricing().cost(call.promptEstimate(),
                Math.multiplyExact(call.completionBudget(), call.choices()));
        commands.sendAndWait(new PlaceHoldCommand(account(call), call.requestId(), amount, call.caller().apiKeyId(),
                call.caller().keyLimits(), "chat.completions " + call.model().id(), call.startedAt()));
    }

    /**
     * Charges the call. A failure here must not turn a delivered answer into an error: it is
     * logged, and the hold stays open until the stale-hold sweep releases it (docs/ledger.md).
     * {@code timings}: how fast the upstream answered, for the statistics.
     */
    public void settle(GatewayCall call, String provider, TokenUsage usage, CallTimings timings) {
        UsageDetails details = new UsageDetails(call.caller().userId(), call.caller().apiKeyId(), call.model().id(),
                provider, call.model().category(), usage.promptTokens(), usage.completionTokens(), call.pricing(),
                timings);
        Money cost = call.pricing().cost(usage.promptTokens(), usage.completionTokens());
        try {
            commands.sendAndWait(new SettleHoldCommand(account(call), call.requestId(), details, cost, clock.instant()));
        } catch (RuntimeException e) {
            log.error("Settling {} ({} {}) failed; its hold stays open until the stale-hold sweep", call.requestId(), usage, cost, e);
        }
    }

    public void release(GatewayCall call, String reason) {
        try {
            commands.sendAndWait(new ReleaseHoldCommand(account(call), call.requestId(), reason, clock.instant()));
        } catch (RuntimeException e) {
            log.error("Releasing the hold of {} failed; it stays open", call.requestId(), e);
        }
    }

    private static AccountId account(GatewayCall call) {
        return AccountId.forUser(call.caller().userId());
    }
}
