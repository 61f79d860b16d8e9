package ai.massrouter.gateway;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.GenerationId;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.api.generation.RecordGenerationCommand;
import ai.massrouter.gateway.provider.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Ends a call: its money (settled at the usage, or released whole) and then its generation record
 * ({@code GET /api/v1/generations/{id}}). The record is written after the money and never decides
 * it: a record that fails to be written is logged, the call stands.
 */
@Component
class CallFinisher {

    private static final Logger log = LoggerFactory.getLogger(CallFinisher.class);

    private final CallBilling billing;
    private final BusCalls bus;
    private final Clock clock;

    CallFinisher(CallBilling billing, BusCalls bus, Clock clock) {
        this.billing = billing;
        this.bus = bus;
        this.clock = clock;
    }

    /** Settles the call and records it; returns what the ledger charged (null if the settlement failed). */
    Money charged(GatewayCall call, String provider, TokenUsage usage, GenerationOutcome outcome, String failure) {
        Money charged = billing.settle(call, provider, usage, call.trace().upstreamTimings());
        record(call, provider, usage, CallBilling.cost(call, usage), charged, outcome, failure);
        return charged;
    }

    void failed(GatewayCall call, String reason) {
        billing.release(call, reason);
        Money zero = Money.zero(call.pricing().currency());
        record(call, null, new TokenUsage(0, 0), zero, zero, GenerationOutcome.FAILED, reason);
    }

    private void record(GatewayCall call, String provider, TokenUsage usage, Money cost, Money charged,
                        GenerationOutcome outcome, String failure) {
        CallTrace trace = call.trace();
        try {
            bus.command(new RecordGenerationCommand(GenerationId.of(call.requestId()), call.caller().userId(),
                    call.caller().apiKeyId(), call.endpoint(), call.model().id(), provider, trace.fallbacks(),
                    usage.promptTokens(), usage.completionTokens(), usage.cachedPromptTokens(), usage.reasoningTokens(),
                    cost, charged, trace.timeToFirstOutputMillis(), trace.elapsedMillis(), call.streamed(), outcome,
                    failure, call.startedAt(), clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Recording the generation {} failed; its money is settled", call.requestId(), e);
        }
    }
}
