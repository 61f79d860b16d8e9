package ai.massrouter.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rebuild of every read model: N events of a busy platform ({@link LedgerEvents}: accounts,
 * metered charges, gateway calls with their records) are appended, every replayable processor is
 * reset and started at once, and the time each takes to reach the head of the log gives its
 * events/s. Beside it, in the same run: PostgreSQL reading the log's rows (no deserialising), and
 * inserting rows of a read model 100 per statement, one commit each. Arguments: events (default
 * 1000000), then any {@code --property=value}. See docs/benchmarks.md.
 */
public final class ReplayBenchmark {

    private ReplayBenchmark() {
    }

    /**
     * Resets each processor to the head, then to the start: every event is then a replay (as when an
     * operator rebuilds a read model), so nothing is pushed live; a reset from where the processors
     * stopped would treat the events appended since as new ones.
     */
    private static void replayFromStart(EventStore store, Collection<StreamingEventProcessor> processors) {
        for (StreamingEventProcessor processor : processors) {
            processor.resetTokens(store.createHeadToken());
            processor.resetTokens();
        }
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String kept = BenchDatabase.eventsDatabase();
        boolean reuse = kept != null && BenchDatabase.exists(kept);
        String database = BenchDatabase.create(reuse ? kept : null);
        Map<String, Double> seconds = new LinkedHashMap<>();
        long head;
        try (ConfigurableApplicationContext app = BenchApp.start(database,
                Arrays.asList(args).subList(Math.min(1, args.length), args.length))) {
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            EventStore store = app.getBean(EventStore.class);
            if (reuse) {
                System.out.printf("started from a copy of %s (its events already appended)%n", kept);
            } else {
                long start = System.nanoTime();
                long appended = new LedgerEvents(1000).appendHistory(store, events, Instant.now());
                System.out.printf(Locale.ROOT, "appended %,d events in %.1f s%n", appended,
                        (System.nanoTime() - start) / 1e9);
            }
            head = store.createHeadToken().position().orElseThrow();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            RawBaselines.run(jdbc, head);

            List<String> names = List.of(app.getEnvironment().getProperty("massrouter.projections.replayable")
                    .split(","));
            Map<String, StreamingEventProcessor> processors = new LinkedHashMap<>();
            for (String name : names) {
                processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(p -> processors.put(name, p));
            }
            System.out.printf(Locale.ROOT, "load average before the rebuild: %.1f%n", BenchApp.loadAverage());
            replayFromStart(store, processors.values());
            long start = System.nanoTime();
            processors.values().forEach(StreamingEventProcessor::start);
            while (seconds.size() < processors.size()) {
                for (Map.Entry<String, StreamingEventProcessor> p : processors.entrySet()) {
                    if (!seconds.containsKey(p.getKey()) && BenchApp.position(p.getValue()) >= head) {
                        seconds.put(p.getKey(), (System.nanoTime() - start) / 1e9);
                    }
                }
                Thread.sleep(50);
            }
            System.out.printf(Locale.ROOT, "load average after the rebuild: %.1f%n", BenchApp.loadAverage());
        }
        System.out.printf(Locale.ROOT, "%n%,d events in the log; every read model rebuilt at once%n", head);
        System.out.printf("| processor | seconds to the head | events/s |%n|---|---|---|%n");
        seconds.forEach((name, s) -> System.out.printf(Locale.ROOT, "| %s | %.1f | %,.0f |%n", name, s, head / s));
        double all = seconds.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        System.out.printf(Locale.ROOT, "| all | %.1f | %,.0f |%n", all, head / all);
        if (kept != null && !reuse) {
            BenchDatabase.keep(database, kept);
        }
        BenchDatabase.drop(database);
        System.exit(0);
    }
}
