package ai.massrouter.gateway;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.GenerationId;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.api.generation.RecordGenerationCommand;
import ai.massrouter.api.generation.RecordGenerationsCommand;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.gateway.provider.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Ends a call: its money (settled at the usage, or released whole) and then its generation record
 * ({@code GET /api/v1/generations/{id}}). The record is written after the money and never decides
 * it: a record that fails to be written is logged, the call stands. The answer does not wait for
 * the record: records queue for one writer thread, which writes whatever queued while it wrote the
 * last ones in one unit of work ({@link RecordGenerationsCommand}: one commit for many calls), and
 * each alone when that fails. When {@value #BACKLOG} records wait, the HTTP thread writes its own.
 * A stopping node writes what is queued before it stops; {@code GET /api/v1/generations/{id}} waits
 * for its record (read your writes).
 */
@Component
class CallFinisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallFinisher.class);
    private static final int BACKLOG = 10_000;
    private static final int MAX_GROUP = 500;

    private final CallBilling billing;
    private final BusCalls bus;
    private final Clock clock;
    private final GatewayProperties properties;
    private final BlockingQueue<RecordGenerationCommand> queue = new LinkedBlockingQueue<>(BACKLOG);
    private final Thread writer;
    private volatile boolean stopping;

    CallFinisher(CallBilling billing, BusCalls bus, Clock clock, GatewayProperties properties) {
        this.billing = billing;
        this.bus = bus;
        this.clock = clock;
        this.properties = properties;
        this.writer = new Thread(this::writeQueued, "gateway-records");
        this.writer.setDaemon(true);
        this.writer.start();
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
        if (stopping || !queue.offer(command)) {
            writeAlone(command);
        }
    }

    /** The writer: waits for a record, then writes it with every other that queued meanwhile; ends once stopping and empty. */
    private void writeQueued() {
        List<RecordGenerationCommand> group = new ArrayList<>();
        while (true) {
            RecordGenerationCommand first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (stopping) {
                    return;
                }
                continue;
            }
            group.add(first);
            queue.drainTo(group, MAX_GROUP - 1);
            write(group);
            group.clear();
        }
    }

    private void write(List<RecordGenerationCommand> group) {
        if (group.size() == 1) {
            writeAlone(group.get(0));
            return;
        }
        try {
            bus.command(new RecordGenerationsCommand(List.copyOf(group)));
        } catch (RuntimeException e) {
            log.info("Writing {} generation records together failed ({}); writing each alone", group.size(), e.toString());
            group.forEach(this::writeAlone);
        }
    }

    private void writeAlone(RecordGenerationCommand command) {
        try {
            bus.command(command);
        } catch (RuntimeException e) {
            log.warn("Recording the generation {} failed; its money is settled", command.generationId(), e);
        }
    }

    /** A stopping node first writes the records it has queued (each group bounded by the bus timeout). */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        writer.join(properties.busTimeout().toMillis() * 2);
        if (writer.isAlive()) {
            log.warn("{} generation records were not written before the node stopped", queue.size());
        }
    }
}
