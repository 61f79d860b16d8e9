package ai.massrouter.bench;

import ai.massrouter.app.MassRouterApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Added latency of the gateway: non-streaming chat completions sent straight to a local
 * upstream that answers instantly, and the same calls through MassRouter (API key lookup, rate
 * limit, model lookup, hold, upstream call, settlement), measured in one run, in one JVM, on one
 * machine; with {@code PORTKEY_URL} set (scripts/bench-gateway-vs-portkey.sh starts one), the same
 * calls through that Portkey gateway too, told the same upstream per request. Then where
 * MassRouter's time goes ({@link LatencyBreakdown}). Arguments: seconds per scenario (default 10),
 * thread counts (default 1,8), then any {@code --property=value} for the application. See
 * docs/benchmarks.md.
 */
public final class GatewayBenchmark {

    private static final String USER = BenchDatabase.USER;
    private static final String PASSWORD = BenchDatabase.PASSWORD;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String BODY = "{\"model\":\"%s\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] threadCounts = Arrays.stream((args.length > 1 ? args[1] : "1,8").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        String database = BenchDatabase.create();
        String url = BenchDatabase.url(database);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<LoadRun.Result> results = new ArrayList<>();
        List<String> breakdowns = new ArrayList<>();
        String portkey = System.getenv("PORTKEY_URL");
        try (InstantUpstream upstream = new InstantUpstream();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(MassRouterApplication.class).run(
                     springArguments(args, "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + USER,
                     "--spring.datasource.password=" + PASSWORD, "--massrouter.rate-limit.enabled=false",
                     "--massrouter.data-dir=" + System.getProperty("java.io.tmpdir") + "/" + database,
                     "--massrouter.admin.email=bench@massrouter.test", "--massrouter.admin.password=bench-password",
                     "--massrouter.gateway.providers.bench.base-url=" + upstream.baseUrl(),
                     "--massrouter.gateway.providers.bench.api-key=sk-bench", "--logging.level.root=WARN"))) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            String model = BenchSetup.model(http, base, "bench", "instant");
            int maxThreads = Arrays.stream(threadCounts).max().orElse(1);
            // one consumer (user, account, key) per thread: calls of one account are serialised by its aggregate
            List<HttpRequest> gateway = new ArrayList<>();
            for (int t = 0; t < maxThreads; t++) {
                gateway.add(request(base + "/v1/chat/completions", BenchSetup.apiKeyWithFunds(http, base), model));
            }
            System.out.printf("database %s, %d s per scenario after 3 s warm-up, %d cores%n", url, seconds,
                    Runtime.getRuntime().availableProcessors());
            List<HttpRequest> direct = List.of(request(upstream.baseUrl() + "/chat/completions", "sk-bench", "instant"));
            MeterRegistry metrics = app.getBean(MeterRegistry.class);
            BenchApp.warmUp(slice -> measure("JIT warm-up through MassRouter (not reported)", maxThreads, slice,
                    http, gateway));
            if (portkey != null) {
                measure("JIT warm-up through Portkey (not reported)", maxThreads, 30, http,
                        List.of(portkey(portkey, upstream)));
            }
            for (int threads : threadCounts) {
                results.add(measure("direct to upstream", threads, seconds, http, direct));
                LatencyBreakdown breakdown = LatencyBreakdown.start(metrics);
                results.add(measure("through MassRouter", threads, seconds, http, gateway));
                breakdowns.add(String.format(Locale.ROOT, "%nMassRouter, %d threads: mean ms per call%n| part | ms |%n|---|---|%n",
                        threads) + LatencyBreakdown.format(breakdown.perCall()));
                if (portkey != null) {
                    results.add(measure("through Portkey", threads, seconds, http, List.of(portkey(portkey, upstream))));
                }
            }
        }
        System.out.printf("%n| path | threads | calls/s | p50 ms | p99 ms |%n|---|---|---|---|---|%n");
        for (LoadRun.Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f |%n", r.name(), r.threads(), r.perSecond(),
                    r.p50(), r.p99());
        }
        LoadRun.Result direct = null;
        for (LoadRun.Result r : results) {
            if (r.name().startsWith("direct")) {
                direct = r;
            } else {
                System.out.printf(Locale.ROOT, "%s, %d threads: added p50 %.2f ms, added p99 %.2f ms, throughput %.2fx direct%n",
                        r.name(), r.threads(), r.p50() - direct.p50(), r.p99() - direct.p99(),
                        r.perSecond() / direct.perSecond());
            }
        }
        breakdowns.forEach(System.out::print);
        BenchDatabase.drop(database);
        System.exit(0);
    }

    /** Arguments after the first two are passed on to the application (e.g. {@code --massrouter.snapshot...}). */
    private static String[] springArguments(String[] args, String... defaults) {
        List<String> all = new ArrayList<>(List.of(defaults));
        all.addAll(Arrays.asList(args).subList(Math.min(2, args.length), args.length));
        return all.toArray(String[]::new);
    }

    private static HttpRequest request(String url, String key, String model) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(model))).build();
    }

    /** The direct request, through a Portkey gateway: provider {@code openai} at the instant upstream's URL. */
    private static HttpRequest portkey(String portkey, InstantUpstream upstream) {
        return HttpRequest.newBuilder(URI.create(portkey + "/v1/chat/completions")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer sk-bench").header("Content-Type", "application/json")
                .header("x-portkey-provider", "openai").header("x-portkey-custom-host", upstream.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted("instant"))).build();
    }

    /** Thread {@code t} sends {@code requests.get(t % size)} in a loop; latencies after the warm-up count. */
    private static LoadRun.Result measure(String name, int threads, int seconds, HttpClient http,
                                          List<HttpRequest> requests) throws InterruptedException {
        return LoadRun.run(name, threads, 3, seconds, 1, (thread, i) -> {
            HttpResponse<String> response = http.send(requests.get(thread % requests.size()),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !JSON.readTree(response.body()).has("choices")) {
                throw new IllegalStateException(name + ": " + response.statusCode() + " " + response.body());
            }
        });
    }
}
