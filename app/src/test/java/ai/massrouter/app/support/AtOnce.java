package ai.massrouter.app.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Sends {@code count} requests as nearly at once as threads allow: all wait on one latch, then go. */
public final class AtOnce {

    private AtOnce() {
    }

    /** The i-th result is {@code request.apply(i)}'s; at most {@code threads} run at a time. */
    public static <T> List<T> run(int count, int threads, IntFunction<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Callable<T> call = () -> {
                    start.await();
                    return request.apply(n);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
