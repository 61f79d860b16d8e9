package ai.massrouter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs one operation in a loop on N threads for a fixed time after a warm-up, and reports the
 * throughput and latency percentiles of what ran after the warm-up. Shared by every benchmark so
 * their numbers are measured the same way.
 */
final class LoadRun {

    private static final int MAX_SAMPLES_PER_THREAD = 2_000_000;

    private LoadRun() {
    }

    interface Operation {
        void run(int thread, long iteration) throws Exception;
    }

    /**
     * One row of a benchmark's table; {@code perSecond} counts units (charges, rows, calls), not
     * operations; {@code load} is the machine's one-minute load average when the row ended.
     */
    record Result(String name, int threads, double perSecond, double p50, double p99, double load) {
    }

    /** {@code perOperation}: how many units one operation moves (a batch of 100 charges is 100). */
    static Result run(String name, int threads, int warmupSeconds, int seconds, int perOperation, Operation operation)
            throws InterruptedException {
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        long[][] latencies = new long[threads][MAX_SAMPLES_PER_THREAD];
        int[] counts = new int[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                long i = 0;
                try {
                    for (long start = System.nanoTime(); start < end; start = System.nanoTime()) {
                        operation.run(thread, i++);
                        if (start > warmupEnd && counts[thread] < MAX_SAMPLES_PER_THREAD) {
                            latencies[thread][counts[thread]++] = System.nanoTime() - start;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(name + " failed", e);
                }
            }, "bench-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long[] all = new long[Arrays.stream(counts).sum()];
        for (int t = 0, k = 0; t < threads; k += counts[t], t++) {
            System.arraycopy(latencies[t], 0, all, k, counts[t]);
        }
        Arrays.sort(all);
        Result r = new Result(name, threads, (double) all.length * perOperation / seconds, percentile(all, 0.50),
                percentile(all, 0.99), loadAverage());
        System.out.printf(Locale.ROOT, "%-42s %2d threads: %8.0f /s  p50 %.2f ms  p99 %.2f ms  load %.1f%n", name,
                threads, r.perSecond(), r.p50(), r.p99(), r.load());
        return r;
    }

    /** The one-minute load average (Linux), or -1 where there is none. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
}
