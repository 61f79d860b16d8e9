package ai.massrouter.gateway;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.GenerationId;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.api.generation.RecordGenerationCommand;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.gateway.provider.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends a call: its money (settled at the usage, or released whole) and then its generation record
 * ({@code GET /api/v1/generations/{id}}). The record is written after the money and never decides
 * it: a record that fails to be written is logged, the call stands. The answer does not wait for
 * the record: it is sent by a small pool of its own (the HTTP thread sends it itself when that pool
 * is behind by {@value #BACKLOG} records), and a stopping node sends what is queued before it stops;
 * {@code GET /api/v1/generations/{id}} waits for it (read your writes).
 */
@Component
class CallFinisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallFinisher.class);
    private static final int THREADS = 4;
    private static final int BACKLOG = 10_000;

    private final CallBilling billing;
    private final BusCalls bus;
    private final Clock clock;
    private final GatewayProperties properties;
    private final ThreadPoolExecutor records = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(BACKLOG), r -> {
        Thread thread = new Thread(r, "gateway-record");
        thread.setDaemon(true);
        return thread;
    }, new ThreadPoolExecutor.CallerRunsPolicy());

    CallFinisher(CallBilling billing, BusCalls bus, Clock clock, GatewayProperties properties) {
        this.billing = billing;
        this.bus = bus;
        this.clock = clock;
        this.properties = properties;
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
        RecordGenerationCommand command = new RecordGenerationCommand(GenerationId.of(call.requestId()),
                call.caller().userId(), call.caller().apiKey(), call.endpoint(), ModelId.of(call.model().id()), provider,
                trace.fallbacks(), usage.promptTokens(), usage.completionTokens(), usage.cachedPromptTokens(),
                usage.reasoningTokens(), cost, charged, trace.timeToFirstOutputMillis(), trace.elapsedMillis(),
                call.streamed(), outcome, failure, call.startedAt(), clock.instant());
        records.execute(() -> {
            try {
                bus.command(command);
            } catch (RuntimeException e) {
                log.warn("Recording the generation {} failed; its money is settled", call.requestId(), e);
            }
        });
    }

    /** A stopping node first writes the records it has queued (each bounded by the bus timeout). */
    @Override
    public void destroy() throws InterruptedException {
        records.shutdown();
        if (!records.awaitTermination(properties.busTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
            log.warn("{} generation records were not written before the node stopped", records.getQueue().size());
        }
    }
}
