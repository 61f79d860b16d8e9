package ai.massrouter.bench;

import ai.massrouter.app.MassRouterApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Capacity of {@code /ws} on one node: opens {@code connections} WebSocket connections (JDK
 * client, same JVM), each authenticated as one of {@code users} users and subscribed to
 * {@code billing.updates}; records the heap per connection; then charges the users at
 * {@code rate} charges/s for {@code seconds} and measures, on every push received, the time from
 * the event's own timestamp (taken before the commit) to its arrival. Arguments: connections
 * (default 2000), users (50), rate (50), seconds (20). See docs/benchmarks.md.
 */
public final class LiveBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int userCount = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        String database = BenchDatabase.create();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MassRouterApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + BenchDatabase.url(database),
                "--spring.datasource.username=" + BenchDatabase.USER,
                "--spring.datasource.password=" + BenchDatabase.PASSWORD, "--massrouter.rate-limit.enabled=false",
                "--massrouter.data-dir=" + System.getProperty("java.io.tmpdir") + "/" + database,
                "--massrouter.admin.email=bench@massrouter.test", "--massrouter.admin.password=bench-password",
                "--logging.level.root=WARN")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String base = "http://127.0.0.1:" + port;
            List<String> tokens = new ArrayList<>();
            for (int u = 0; u < userCount; u++) {
                tokens.add(BenchSetup.fundedUserToken(http, base));
            }
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicLong pushes = new AtomicLong();
            long heapBefore = usedHeapAfterGc();
            long opening = System.nanoTime();
            List<WebSocket> sockets = new ArrayList<>();
            CountDownLatch ready = new CountDownLatch(connections);
            for (int c = 0; c < connections; c++) {
                sockets.add(http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?token="
                        + tokens.get(c % userCount)), new Receiver(ready, latencies, pushes)).join());
                sockets.get(c).sendText("{\"action\":\"subscribe\",\"topic\":\"billing.updates\"}", true);
            }
            if (!ready.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(ready.getCount() + " connections never got their ack");
            }
            double openSeconds = (System.nanoTime() - opening) / 1e9;
            long heapAfter = usedHeapAfterGc();
            System.out.printf(Locale.ROOT, "%d connections subscribed in %.1f s; heap %d MB -> %d MB: %.1f KB per "
                            + "connection (server and client in this JVM)%n", connections, openSeconds,
                    heapBefore >> 20, heapAfter >> 20, (heapAfter - heapBefore) / 1024.0 / connections);
            latencies.clear();
            pushes.set(0);
            ScheduledExecutorService load = Executors.newScheduledThreadPool(4);
            AtomicLong sent = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            AtomicLong charged = new AtomicLong();
            long periodMicros = 1_000_000L / rate;
            load.scheduleAtFixedRate(() -> {
                long n = sent.incrementAndGet();
                HttpRequest charge = HttpRequest.newBuilder(URI.create(base + "/api/v1/billing/usage"))
                        .header("Authorization", "Bearer " + tokens.get((int) (n % userCount)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"request_id\":\"bench-" + UUID.randomUUID()
                                + "\",\"model\":\"mock/echo\",\"prompt_tokens\":1000,\"completion_tokens\":0}")).build();
                http.sendAsync(charge, HttpResponse.BodyHandlers.discarding())
                        .thenAccept(r -> (r.statusCode() == 200 ? charged : refused).incrementAndGet());
            }, 0, periodMicros, TimeUnit.MICROSECONDS);
            Thread.sleep(seconds * 1000L);
            load.shutdownNow();
            // then wait until every push of the charges made has arrived (or stopped arriving)
            long expected = 0;
            long last = -1;
            int stalled = 0;
            for (int waited = 0; waited < 60; waited++) {
                expected = charged.get() * (connections / userCount);
                long now = pushes.get();
                if (now >= expected && waited >= 2) {
                    break;
                }
                stalled = now == last ? stalled + 1 : 0;
                if (stalled >= 10) {
                    break;
                }
                last = now;
                Thread.sleep(1000);
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%d charges sent at %d/s (%d charged, %d refused), %d of %d expected pushes "
                            + "received (%d connections per user)%n", sent.get(), rate, charged.get(), refused.get(),
                    pushes.get(), expected, connections / userCount);
            System.out.printf(Locale.ROOT, "%n| connections | charges/s | pushes/s | p50 ms | p99 ms | max ms |%n"
                            + "|---|---|---|---|---|---|%n| %d | %d | %.0f | %d | %d | %d |%n", connections, rate,
                    pushes.get() / (double) seconds, pct(sorted, 0.50), pct(sorted, 0.99),
                    sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
            sockets.forEach(WebSocket::abort);
        }
        BenchDatabase.drop(database);
        System.exit(0);
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Counts a connection ready at its subscribe ack; on each push, the time since the event's {@code at}. */
    private record Receiver(CountDownLatch ready, ConcurrentLinkedQueue<Long> latencies, AtomicLong pushes)
            implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            long now = System.currentTimeMillis();
            try {
                JsonNode message = JSON.readTree(data.toString());
                if (message.path("type").asText().equals("ack") && message.path("action").asText().equals("subscribe")) {
                    ready.countDown();
                } else if (message.path("event").asText().equals("balance.changed")) {
                    // the charge's own time, before its commit: an upper bound of commit-to-client
                    pushes.incrementAndGet();
                    latencies.add(now - Instant.parse(message.path("at").asText()).toEpochMilli());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
