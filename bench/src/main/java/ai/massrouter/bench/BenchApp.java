package ai.massrouter.bench;

import ai.massrouter.app.MassRouterApplication;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** One MassRouter node on a benchmark's database, and what the projection benchmarks read of it. */
final class BenchApp {

    private BenchApp() {
    }

    /** Starts the node; {@code extra}: any {@code --property=value} given on the command line. */
    static ConfigurableApplicationContext start(String database, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + BenchDatabase.url(database),
                "--spring.datasource.username=" + BenchDatabase.USER,
                "--spring.datasource.password=" + BenchDatabase.PASSWORD, "--massrouter.rate-limit.enabled=false",
                "--massrouter.data-dir=" + System.getProperty("java.io.tmpdir") + "/" + database,
                "--massrouter.admin.email=bench@massrouter.test", "--massrouter.admin.password=bench-password",
                "--logging.level.root=WARN"));
        args.addAll(extra);
        return new SpringApplicationBuilder(MassRouterApplication.class).run(args.toArray(String[]::new));
    }

    /** The slowest segment's position in the event log (global index). */
    static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
    }

    /** The machine's one-minute load average: figures from a busy machine are read beside it. */
    /**
     * Seconds of load before the first measured scenario, so that the JIT has compiled the hot
     * paths ({@code MASSROUTER_BENCH_WARMUP_SECONDS}, default 60; 0 skips it): in the first minute
     * after start-up the C2 compiler alone takes most of a core on this 2-core machine.
     */
    static int jitWarmupSeconds() {
        String value = System.getenv("MASSROUTER_BENCH_WARMUP_SECONDS");
        return value == null || value.isBlank() ? 60 : Integer.parseInt(value.trim());
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
