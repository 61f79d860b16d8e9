package ai.massrouter.bench;

import ai.massrouter.app.MassRouterApplication;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.CompilationMXBean;
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

    /**
     * The longest unreported load before the first measured scenario, in seconds
     * ({@code MASSROUTER_BENCH_WARMUP_SECONDS}, default 300; 0 skips it): see {@link #warmUp}.
     */
    static int jitWarmupSeconds() {
        String value = System.getenv("MASSROUTER_BENCH_WARMUP_SECONDS");
        return value == null || value.isBlank() ? 300 : Integer.parseInt(value.trim());
    }

    /** One slice of unreported load, of the given number of seconds. */
    interface Load {
        void run(int seconds) throws Exception;
    }

    /**
     * Runs the load in 10-second slices until the JIT compiler has settled (it compiled for less
     * than a tenth of the slice, summed over its threads) or {@link #jitWarmupSeconds()} have
     * passed. On two cores, C2 still compiled for half a core three minutes after start-up under
     * a charge load: a figure taken then measures the compiler as much as the code.
     */
    static void warmUp(Load load) throws Exception {
        int limit = jitWarmupSeconds();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int elapsed = 0; elapsed < limit; elapsed += 10) {
            long before = jit.getTotalCompilationTime();
            load.run(Math.min(10, limit - elapsed));
            long compiling = jit.getTotalCompilationTime() - before;
            System.out.printf("JIT warm-up: %d s, the compiler busy %,d ms in the last slice%n", elapsed + 10,
                    compiling);
            if (compiling < 1_000) {
                return;
            }
        }
    }

    /** The machine's one-minute load average: figures from a busy machine are read beside it. */

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
