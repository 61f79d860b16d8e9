package ai.massrouter.bench;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.HoldId;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.account.CallTimings;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.account.OperationId;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.account.UsageChargedEvent;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.user.UserId;
import ai.massrouter.app.MassRouterApplication;
import ai.massrouter.projections.statistics.UsageStatisticsProjection;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Statistics at scale: N usage events (default one million; half metered charges, half gateway
 * settlements with timings) from 1,000 users on 50 models over the last 90 days are appended to
 * the event log; the statistics projection is then rebuilt from it (events/s), and the leaderboard
 * and the admin dashboard are read over HTTP (p50/p99). Arguments: events (default 1000000),
 * seconds per read scenario (default 10), then any {@code --property=value}. See docs/benchmarks.md.
 */
public final class StatisticsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = 1000;
    private static final int MODELS = 50;
    private static final int DAYS = 90;
    private static final String[] CATEGORIES = {"chat", "code", "reasoning", "vision", "embedding"};

    private StatisticsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String kept = BenchDatabase.eventsDatabase();
        boolean reuse = kept != null && BenchDatabase.exists(kept);
        String database = BenchDatabase.create(reuse ? kept : null);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<LoadRun.Result> results = new ArrayList<>();
        double replayRate;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MassRouterApplication.class).run(
                arguments(args, "--server.port=0", "--spring.datasource.url=" + BenchDatabase.url(database),
                        "--spring.datasource.username=" + BenchDatabase.USER,
                        "--spring.datasource.password=" + BenchDatabase.PASSWORD, "--massrouter.rate-limit.enabled=false",
                        "--massrouter.data-dir=" + System.getProperty("java.io.tmpdir") + "/" + database,
                        "--massrouter.admin.email=bench@massrouter.test", "--massrouter.admin.password=bench-password",
                        "--logging.level.root=WARN"))) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            // only the statistics are measured: every other processor stays stopped (during the reads too)
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            StreamingEventProcessor statistics = processing.eventProcessor(UsageStatisticsProjection.GROUP,
                    StreamingEventProcessor.class).orElseThrow();
            if (reuse) {
                System.out.printf("started from a copy of %s (its events already appended)%n", kept);
            } else {
                long appendStart = System.nanoTime();
                append(app.getBean(EventStore.class), events);
                System.out.printf(Locale.ROOT, "appended %,d usage events in %.1f s%n", events,
                        (System.nanoTime() - appendStart) / 1e9);
            }
            EventStore store = app.getBean(EventStore.class);
            long head = store.createHeadToken().position().orElseThrow();
            System.out.printf(Locale.ROOT, "load average before the rebuild: %.1f%n", BenchApp.loadAverage());
            statistics.resetTokens();
            long replayStart = System.nanoTime();
            statistics.start();
            while (BenchApp.position(statistics) < head) {
                Thread.sleep(100);
            }
            double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
            replayRate = head / replaySeconds;
            System.out.printf(Locale.ROOT, "statistics rebuilt from %,d events in %.1f s: %.0f events/s (load average "
                    + "%.1f)%n", head, replaySeconds, replayRate, BenchApp.loadAverage());

            String admin = login(http, base);
            Map<String, HttpRequest> reads = new java.util.LinkedHashMap<>();
            reads.put("leaderboard, day", get(base + "/api/v1/statistics/leaderboard", null));
            reads.put("leaderboard, month by spend, limit 100",
                    get(base + "/api/v1/statistics/leaderboard?period=month&metric=spend&limit=100", null));
            reads.put("leaderboard, year, category code",
                    get(base + "/api/v1/statistics/leaderboard?period=year&category=code", null));
            reads.put("admin dashboard", get(base + "/api/v1/admin/statistics/dashboard", admin));
            for (Map.Entry<String, HttpRequest> read : reads.entrySet()) {
                for (int threads : new int[] {1, 4}) {
                    results.add(LoadRun.run(read.getKey(), threads, 3, seconds, 1, (thread, i) -> {
                        HttpResponse<String> response = http.send(read.getValue(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(response.statusCode() + " " + response.body());
                        }
                    }));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%,d usage events; statistics replay %.0f events/s%n", events, replayRate);
        System.out.printf(Locale.ROOT, "load average after the reads: %.1f%n", BenchApp.loadAverage());
        System.out.printf("%n| read | threads | reads/s | p50 ms | p99 ms |%n|---|---|---|---|---|%n");
        for (LoadRun.Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f |%n", r.name(), r.threads(), r.perSecond(),
                    r.p50(), r.p99());
        }
        if (kept != null && !reuse) {
            BenchDatabase.keep(database, kept);
        }
        BenchDatabase.drop(database);
        System.exit(0);
    }

    /**
     * Appends the usage events, 1,000 per transaction, each user's in sequence, times spread evenly
     * over the last 90 days (the newest now), models and users skewed so that rankings differ.
     */
    private static void append(EventStore store, int events) {
        Random random = new Random(42);
        Instant now = Instant.now();
        long span = Duration.ofDays(DAYS).toMillis();
        long[] sequence = new long[USERS];
        ModelPricing pricing = new ModelPricing(Money.of(2, "CNY"), Money.of(8, "CNY"));
        List<EventMessage<?>> batch = new ArrayList<>(1000);
        for (int i = 0; i < events; i++) {
            int user = (int) Math.floor(USERS * Math.pow(random.nextDouble(), 2));
            int model = (int) Math.floor(MODELS * Math.pow(random.nextDouble(), 3));
            UserId userId = UserId.of("usr_bench" + user);
            AccountId accountId = AccountId.forUser(userId);
            Instant at = now.minusMillis(span - span * i / events);
            long prompt = 100 + random.nextInt(4000);
            long completion = random.nextInt(1000);
            Money cost = pricing.cost(prompt, completion);
            String modelId = "bench/model-" + model;
            Object payload;
            if (i % 2 == 0) {
                payload = new UsageChargedEvent(accountId, userId, OperationId.of(OperationOrigin.USAGE, "bench-" + i),
                        new UsageDetails(userId,
                        ApiKeyId.of("key_bench" + user + "_" + (i % 3)), ModelId.of(modelId), "bench", CATEGORIES[model % CATEGORIES.length],
                        prompt, completion, pricing), cost, Money.zero("CNY"), at);
            } else {
                long first = 100 + random.nextInt(900);
                payload = new HoldSettledEvent(accountId, userId, HoldId.of("bench-" + i), new UsageDetails(userId,
                        ApiKeyId.of("key_bench" + user + "_" + (i % 3)), ModelId.of(modelId), "bench-" + (model % 3),
                        CATEGORIES[model % CATEGORIES.length], prompt, completion, pricing, null, null,
                        new CallTimings(first, first + random.nextInt(5000))), cost, cost, Money.zero("CNY"),
                        Money.zero("CNY"), Money.zero("CNY"), Money.zero("CNY"), at);
            }
            batch.add(new GenericDomainEventMessage<>("AccountAggregate", accountId.value(), sequence[user]++,
                    payload, org.axonframework.messaging.MetaData.emptyInstance(),
                    java.util.UUID.randomUUID().toString(), at));
            if (batch.size() == 1000 || i == events - 1) {
                store.publish(batch);
                batch.clear();
            }
        }
    }

    private static String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"bench@massrouter.test\",\"password\":\"bench-password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("data").path("tokens").path("access_token").asText();
    }

    private static HttpRequest get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static String[] arguments(String[] args, String... defaults) {
        List<String> all = new ArrayList<>(List.of(defaults));
        all.addAll(List.of(args).subList(Math.min(2, args.length), args.length));
        return all.toArray(String[]::new);
    }
}
