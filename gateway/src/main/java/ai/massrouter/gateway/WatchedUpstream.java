package ai.massrouter.gateway;

import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a non-streaming upstream call on a thread of its own while the request thread watches the
 * client through a {@link ClientProbe}. When the client leaves, the upstream call is interrupted,
 * which makes the JDK client cancel the exchange and close the connection (the upstream sees it),
 * and {@link ClientGoneException} tells the gateway to charge what the call cost so far. The pool
 * grows with the request threads that wait on it, and no further.
 */
@Component
class WatchedUpstream {

    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "gateway-upstream");
        thread.setDaemon(true);
        return thread;
    });

    <T> T call(Supplier<T> upstream, ClientProbe probe) {
        Future<T> result = pool.submit(upstream::get);
        try {
            while (true) {
                try {
                    return result.get(probe.intervalMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillWorking) {
                    if (probe.clientGone()) {
                        result.cancel(true);
                        throw new ClientGoneException(null);
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new ClientGoneException(e);
        }
    }
}
