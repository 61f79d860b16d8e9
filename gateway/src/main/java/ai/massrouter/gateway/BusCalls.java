package ai.massrouter.gateway;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The gateway's commands and queries, each with a deadline ({@code massrouter.gateway.bus-timeout}).
 * Axon's local buses run a handler on the caller's thread, where a stuck database would hold the
 * HTTP thread forever; here the handler runs on a bounded pool and the HTTP thread waits at most
 * the deadline, then answers ERR_005. A pool full of stuck handlers refuses at once rather than
 * growing. A command that times out may still complete later: a hold then stays open until the
 * stale-hold sweep gives it back (docs/ledger.md). Each wait is timed, by message and outcome:
 * {@code massrouter.gateway.ledger} (Prometheus {@code massrouter_gateway_ledger_seconds}).
 */
@Component
public class BusCalls {

    private static final int MAX_THREADS = 64;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Duration timeout;
    private final MeterRegistry registry;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
        Thread thread = new Thread(r, "gateway-bus");
        thread.setDaemon(true);
        return thread;
    });

    public BusCalls(CommandGateway commands, QueryGateway queries, GatewayProperties properties,
                    ObjectProvider<MeterRegistry> registry) {
        this.commands = commands;
        this.queries = queries;
        this.timeout = properties.busTimeout();
        this.registry = registry.getIfAvailable();
    }

    public <R> R command(Object command) {
        return within(command.getClass().getSimpleName(), () -> commands.sendAndWait(command));
    }

    public <R> R query(Object query, ResponseType<R> type) {
        return within(query.getClass().getSimpleName(), () -> queries.query(query, type).join());
    }

    private <R> R within(String what, Supplier<R> call) {
        if (registry == null) {
            return await(what, call);
        }
        long start = System.nanoTime();
        String outcome = "error";
        try {
            R result = await(what, call);
            outcome = "ok";
            return result;
        } catch (DomainException e) {
            outcome = e.code() == ErrorCode.ERR_005 ? "unanswered" : "refused";
            throw e;
        } finally {
            Timer.builder("massrouter.gateway.ledger")
                    .description("How long a gateway call waited for one of its ledger commands or queries")
                    .tag("message", what).tag("outcome", outcome)
                    .register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private <R> R await(String what, Supplier<R> call) {
        CompletableFuture<R> result;
        try {
            result = CompletableFuture.supplyAsync(call, pool);
        } catch (RejectedExecutionException busy) {
            throw new DomainException(ErrorCode.ERR_005, "The ledger is not answering (" + what + ")");
        }
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DomainException(ErrorCode.ERR_005, "The ledger did not answer within " + timeout + " (" + what
                    + ")");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
                    : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.ERR_005, "Interrupted while waiting for " + what);
        }
    }
}
