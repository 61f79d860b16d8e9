package ai.massrouter.command.account;

import ai.massrouter.api.account.ChargeAccountsCommand;
import ai.massrouter.api.account.ChargeUsageBatchCommand;
import ai.massrouter.api.account.UsageBatchResult;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit for charges: the charges that wait while a unit of work is being written, for one
 * account or for many, go into the next one together ({@link ChargeAccountsCommand}: one version
 * query, one operation-id query, one insert of operation rows, one of events, one commit). Each
 * charge is still its own event and each caller still gets its own answer, once the commit that
 * holds its charge is done; a refused charge is refused alone. If the unit of work fails as a whole
 * (a race with another node over an operation id, a stale stream, a row the database refuses),
 * nothing of it was written and each caller sends its own batch alone, as without this class.
 * At most {@code flushers} units of work are under way at once.
 */
@Component
public class ChargeCoalescer {

    private static final Logger log = LoggerFactory.getLogger(ChargeCoalescer.class);

    private final CommandGateway commands;
    private final CommandGateway groups;
    private final boolean enabled;
    private final int flushers;
    private final int maxCharges;
    private final ExecutorService executor;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private int flushing;

    public ChargeCoalescer(CommandGateway commands, CommandBus commandBus,
                           @Value("${massrouter.charges.coalesce:true}") boolean enabled,
                           @Value("${massrouter.charges.flushers:2}") int flushers,
                           @Value("${massrouter.charges.max-group:500}") int maxCharges) {
        this.commands = commands;
        // no retries: a group that fails is not tried again whole, its callers go one at a time
        this.groups = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.enabled = enabled;
        this.flushers = flushers;
        this.maxCharges = maxCharges;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(flushers, r -> {
            Thread thread = new Thread(r, "charge-flusher-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Charges the batch, in a unit of work with whatever else waits; returns once it is committed,
     * or throws what {@code sendAndWait} of the batch alone throws.
     */
    public UsageBatchResult charge(ChargeUsageBatchCommand batch) {
        if (!enabled) {
            return commands.sendAndWait(batch);
        }
        Waiting waiting = new Waiting(batch, new CompletableFuture<>());
        boolean startFlusher;
        synchronized (queue) {
            queue.add(waiting);
            startFlusher = flushing < flushers;
            if (startFlusher) {
                flushing++;
            }
        }
        if (startFlusher) {
            executor.execute(this::flush);
        }
        try {
            return waiting.result().join();
        } catch (CompletionException groupFailed) {
            return commands.sendAndWait(batch);
        }
    }

    private void flush() {
        while (true) {
            List<Waiting> group = new ArrayList<>();
            synchronized (queue) {
                int charges = 0;
                while (!queue.isEmpty() && (group.isEmpty() || charges + queue.peek().size() <= maxCharges)) {
                    Waiting next = queue.poll();
                    charges += next.size();
                    group.add(next);
                }
                if (group.isEmpty()) {
                    flushing--;
                    return;
                }
            }
            chargeTogether(group);
        }
    }

    private void chargeTogether(List<Waiting> group) {
        try {
            List<UsageBatchResult> results = groups.sendAndWait(
                    new ChargeAccountsCommand(group.stream().map(Waiting::batch).toList()));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result().complete(results.get(i));
            }
        } catch (Throwable failure) {
            log.info("A unit of work of {} batches of charges failed ({}); they are charged one by one",
                    group.size(), failure.toString());
            group.forEach(waiting -> waiting.result().completeExceptionally(failure));
        }
    }

    /** Batches waiting for a unit of work (not those in one). */
    int waiting() {
        synchronized (queue) {
            return queue.size();
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        synchronized (queue) {
            queue.forEach(waiting -> waiting.result().completeExceptionally(new IllegalStateException("stopping")));
            queue.clear();
        }
    }

    private record Waiting(ChargeUsageBatchCommand batch, CompletableFuture<UsageBatchResult> result) {
        int size() {
            return batch.charges().size();
        }
    }
}
