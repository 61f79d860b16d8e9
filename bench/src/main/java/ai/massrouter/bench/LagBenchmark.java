package ai.massrouter.bench;

import ai.massrouter.projections.account.AccountProjection;
import ai.massrouter.projections.model.ModelProjection;
import ai.massrouter.projections.statistics.UsageStatisticsProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Projection lag under a steady charge load: calls ({@link LedgerEvents}: a third metered charges,
 * the rest gateway calls of three events) are committed to the event log at a fixed rate of charges
 * per second, each call in its own transaction, while every processor runs. A sampler notes every
 * 5 ms the head of the log and each processor's position; an event's lag is the time from the first
 * sample that saw it committed to the first sample that saw the processor past it (its rows are
 * committed with the processor's token, in the same transaction), so a figure is within ±5 ms.
 * The same load runs first, unmeasured, until the JIT compiler has settled ({@link BenchApp#warmUp},
 * {@code MASSROUTER_BENCH_WARMUP_SECONDS}); a cold start put a second of backlog into the p99.
 * Arguments: charges per second (default 1000), seconds of load (default 20), then any
 * {@code --property=value}. See docs/benchmarks.md.
 */
public final class LagBenchmark {

    private static final List<String> MEASURED = List.of(AccountProjection.GROUP, ModelProjection.GROUP,
            UsageStatisticsProjection.GROUP, "generations");

    private LagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String database = BenchDatabase.create();
        Map<String, long[]> lags = new LinkedHashMap<>();
        int[] sent = new int[1];
        try (ConfigurableApplicationContext app = BenchApp.start(database,
                Arrays.asList(args).subList(Math.min(2, args.length), args.length))) {
            EventStore store = app.getBean(EventStore.class);
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            Map<String, StreamingEventProcessor> processors = new LinkedHashMap<>();
            MEASURED.forEach(name -> processors.put(name, processing.eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow()));
            LedgerEvents ledger = new LedgerEvents(1000);
            store.publish(ledger.openAccounts(Instant.now()));
            awaitHead(store, processors);
            // the same load, unmeasured, until the JIT compiler has settled; then every processor at the head
            BenchApp.warmUp(warmUp -> load(store, ledger, rate, warmUp));
            awaitHead(store, processors);
            long opened = store.createHeadToken().position().orElseThrow();
            System.out.printf(Locale.ROOT, "load average before the load: %.1f%n", BenchApp.loadAverage());
            LagSampler sampler = new LagSampler(store, processors);
            Thread sampling = new Thread(sampler, "lag-sampler");
            sampling.start();
            long start = System.nanoTime();
            sent[0] = load(store, ledger, rate, seconds);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            awaitHead(store, processors);
            Thread.sleep(50);
            sampler.stop();
            sampling.join();
            System.out.printf(Locale.ROOT, "%,d calls committed in %.1f s (%,.0f charges/s asked, %,.0f made); "
                    + "load average %.1f%n", sent[0], loadSeconds, (double) rate, sent[0] / loadSeconds,
                    BenchApp.loadAverage());
            processors.keySet().forEach(name -> lags.put(name, sampler.lags(name, opened)));
            System.out.printf("%n| processor | p99 ms per 5 s of the load, by when the event was committed |%n|---|---|%n");
            processors.keySet().forEach(name -> System.out.printf("| %s | %s |%n", name,
                    sampler.windows(name, opened, start, 5_000_000_000L)));
        }
        System.out.printf("%n| processor | events | p50 ms | p99 ms | max ms |%n|---|---|---|---|---|%n");
        lags.forEach((name, sorted) -> System.out.printf(Locale.ROOT, "| %s | %,d | %.0f | %.0f | %.0f |%n", name,
                sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1e6));
        BenchDatabase.drop(database);
        System.exit(0);
    }

    /** {@code rate} calls per second for {@code seconds}, each its own commit, from 8 threads; returns the calls. */
    private static int load(EventStore store, LedgerEvents ledger, int rate, int seconds) throws InterruptedException {
        ExecutorService appenders = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        int sent = 0;
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            List<EventMessage<?>> call;
            synchronized (ledger) {
                call = ledger.call(Instant.now());
            }
            appenders.execute(() -> store.publish(call));
            sent++;
        }
        appenders.shutdown();
        appenders.awaitTermination(5, TimeUnit.MINUTES);
        return sent;
    }

    private static void awaitHead(EventStore store, Map<String, StreamingEventProcessor> processors)
            throws InterruptedException {
        long head = store.createHeadToken().position().orElseThrow();
        while (processors.values().stream().anyMatch(p -> BenchApp.position(p) < head)) {
            Thread.sleep(20);
        }
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** Samples of the log's head and the processors' positions, every 5 ms. */
    private static final class LagSampler implements Runnable {

        private final EventStore store;
        private final Map<String, StreamingEventProcessor> processors;
        private final List<long[]> heads = new ArrayList<>();
        private final Map<String, List<long[]>> positions = new LinkedHashMap<>();
        private volatile boolean running = true;

        LagSampler(EventStore store, Map<String, StreamingEventProcessor> processors) {
            this.store = store;
            this.processors = processors;
            processors.keySet().forEach(name -> positions.put(name, new ArrayList<>()));
        }

        @Override
        public void run() {
            while (running) {
                long head = store.createHeadToken().position().orElse(0);
                long now = System.nanoTime();
                heads.add(new long[] {now, head});
                processors.forEach((name, p) -> positions.get(name).add(new long[] {now, BenchApp.position(p)}));
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
        }

        /** The p99 lag of the events first seen committed in each {@code width} from {@code start}. */
        String windows(String name, long from, long start, long width) {
            Map<Long, List<Long>> byWindow = new java.util.TreeMap<>();
            lags(name, from, (committed, lag) -> byWindow.computeIfAbsent(Math.max(0, committed - start) / width,
                    w -> new ArrayList<>()).add(lag));
            List<String> p99s = new ArrayList<>();
            byWindow.values().forEach(window -> {
                long[] sorted = window.stream().mapToLong(Long::longValue).sorted().toArray();
                p99s.add(String.format(Locale.ROOT, "%.0f", percentile(sorted, 0.99)));
            });
            return String.join(" / ", p99s);
        }

        /** Per event after {@code from}: first seen past by the processor minus first seen committed. */
        long[] lags(String name, long from) {
            List<Long> lags = new ArrayList<>();
            lags(name, from, (committed, lag) -> lags.add(lag));
            return lags.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        private void lags(String name, long from, java.util.function.BiConsumer<Long, Long> each) {
            List<long[]> seen = positions.get(name);
            List<Long> lags = new ArrayList<>();
            int p = 0;
            long previous = from;
            for (long[] sample : heads) {
                for (long event = Math.max(previous, from) + 1; event <= sample[1]; event++) {
                    while (p < seen.size() && seen.get(p)[1] < event) {
                        p++;
                    }
                    if (p < seen.size()) {
                        each.accept(sample[0], Math.max(0, seen.get(p)[0] - sample[0]));
                    }
                }
                previous = Math.max(previous, sample[1]);
            }
        }
    }
}
