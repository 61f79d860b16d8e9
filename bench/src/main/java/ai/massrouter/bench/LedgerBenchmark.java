package ai.massrouter.bench;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AdjustBalanceCommand;
import ai.massrouter.api.account.ChargeUsageBatchCommand;
import ai.massrouter.api.account.ChargeUsageCommand;
import ai.massrouter.api.account.OpenAccountCommand;
import ai.massrouter.api.account.UsageBatchResult;
import ai.massrouter.api.account.UsageCharge;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.user.UserId;
import ai.massrouter.app.MassRouterApplication;
import ai.massrouter.command.account.ChargeCoalescer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Charges per second through MassRouter's real charge path (the charge coalescer that
 * {@code POST /billing/usage} uses, the account aggregate, the idempotency record, the JDBC event
 * store, one commit per group of waiting charges) beside raw PostgreSQL one-row INSERT commits per
 * second, measured in one run on one machine; and, for comparison, one command and one commit per
 * charge (the path without coalescing). See docs/benchmarks.md.
 */
public final class LedgerBenchmark {

    private static final String USER = BenchDatabase.USER;
    private static final String PASSWORD = BenchDatabase.PASSWORD;
    private static final Money PRICE = Money.of(1, "CNY");
    private static final Money ONE_NANO = new Money(1, "CNY");
    private static final int WARMUP_SECONDS = 2;
    private static final UsageDetails USAGE = new UsageDetails(UserId.of("usr_bench"), null, ModelId.of("mock/echo"), "mock",
            "chat", 1, 0, new ModelPricing(PRICE, PRICE));

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        // "quick": only the hot account with 16 threads, coalesced (for profiling)
        boolean quick = args.length > 1 && args[1].equals("quick");
        String database = BenchDatabase.create();
        String url = BenchDatabase.url(database);
        System.out.printf("database %s, %d s per scenario, %d cores, load average %.2f%n", url, seconds,
                Runtime.getRuntime().availableProcessors(), LoadRun.loadAverage());

        List<LoadRun.Result> results = new ArrayList<>();
        for (int threads : new int[]{1, 4, 16}) {
            results.add(rawInserts(url, threads, seconds));
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MassRouterApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + USER,
                        "--spring.datasource.password=" + PASSWORD, "--massrouter.rate-limit.enabled=false",
                        "--massrouter.data-dir=" + System.getProperty("java.io.tmpdir") + "/" + database,
                        "--logging.level.root=WARN")) {
            CommandGateway commands = app.getBean(CommandGateway.class);
            ChargeCoalescer coalescer = app.getBean(ChargeCoalescer.class);
            List<AccountId> hot = open(commands, 1);
            // both shapes of load: many accounts, and one account that every caller waits for
            List<AccountId> warmMany = open(commands, 16);
            List<AccountId> warmHot = open(commands, 1);
            BenchApp.warmUp(slice -> {
                coalesced(coalescer, "JIT warm-up, 16 accounts (not reported)", warmMany, 16, slice / 2);
                coalesced(coalescer, "JIT warm-up, 1 hot account (not reported)", warmHot, 16, slice - slice / 2);
            });
            results.add(coalesced(coalescer, "charges, 1 hot account", hot, 16, seconds));
            if (!quick) {
                results.add(coalesced(coalescer, "charges, 1 hot account", hot, 1, seconds));
                results.add(coalesced(coalescer, "charges, 16 accounts", open(commands, 16), 16, seconds));
                List<AccountId> thousand = open(commands, 1000);
                results.add(coalesced(coalescer, "charges, 1,000 accounts", thousand, 16, seconds));
                results.add(oneByOne(commands, "one command per charge, 1 hot account", hot, 16, seconds));
                results.add(oneByOne(commands, "one command per charge, 1,000 accounts", thousand, 16, seconds));
            }
        }
        LoadRun.Result best = results.stream().filter(r -> r.name().startsWith("raw"))
                .max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
        LoadRun.Result raw16 = results.stream().filter(r -> r.name().startsWith("raw") && r.threads() == 16)
                .findFirst().orElseThrow();
        System.out.printf("%n| scenario | threads | per second | p50 ms | p99 ms | vs raw 16 threads | vs best raw "
                + "| load |%n|---|---|---|---|---|---|---|---|%n");
        for (LoadRun.Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %.2fx | %.2fx | %.1f |%n", r.name(),
                    r.threads(), r.perSecond(), r.p50(), r.p99(), r.perSecond() / raw16.perSecond(),
                    r.perSecond() / best.perSecond(), r.load());
        }
        BenchDatabase.drop(database);
        System.exit(0);
    }

    private static List<AccountId> open(CommandGateway commands, int count) {
        List<AccountId> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UserId user = UserId.generate();
            AccountId account = AccountId.forUser(user);
            commands.sendAndWait(new OpenAccountCommand(account, user, "CNY", Instant.now()));
            commands.sendAndWait(new AdjustBalanceCommand(account, "bench-funding", Money.of(1_000_000, "CNY"),
                    "benchmark funding", user, Instant.now()));
            accounts.add(account);
        }
        return accounts;
    }

    private static AccountId pick(List<AccountId> accounts, int thread, long i) {
        return accounts.get((int) ((thread * 7919L + i) % accounts.size()));
    }

    /** The path of {@code POST /billing/usage}: each caller's charge waits for the next group commit. */
    private static LoadRun.Result coalesced(ChargeCoalescer coalescer, String name, List<AccountId> accounts,
                                            int threads, int seconds) throws InterruptedException {
        return LoadRun.run(name, threads, WARMUP_SECONDS, seconds, 1, (thread, i) -> {
            UsageBatchResult result = coalescer.charge(new ChargeUsageBatchCommand(pick(accounts, thread, i),
                    List.of(new UsageCharge(UUID.randomUUID().toString(), USAGE, ONE_NANO, SpendLimits.NONE)),
                    Instant.now()));
            if (result.outcomes().get(0).error() != null) {
                throw new IllegalStateException("refused: " + result.outcomes().get(0).error());
            }
        });
    }

    /** One command, one unit of work and one commit per charge. */
    private static LoadRun.Result oneByOne(CommandGateway commands, String name, List<AccountId> accounts, int threads,
                                           int seconds) throws InterruptedException {
        return LoadRun.run(name, threads, WARMUP_SECONDS, seconds, 1, (thread, i) ->
                commands.sendAndWait(new ChargeUsageCommand(pick(accounts, thread, i), UUID.randomUUID().toString(),
                        USAGE, ONE_NANO, SpendLimits.NONE, Instant.now())));
    }

    private static LoadRun.Result rawInserts(String url, int threads, int seconds) throws Exception {
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD); Statement s = c.createStatement()) {
            // a schema of its own: the application's Flyway migrates "public" and wants it empty
            s.execute("CREATE SCHEMA IF NOT EXISTS bench");
            s.execute("CREATE TABLE IF NOT EXISTS bench.raw (id BIGSERIAL PRIMARY KEY, account TEXT, amount BIGINT, "
                    + "at TIMESTAMPTZ DEFAULT now())");
        }
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> statements = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Connection c = DriverManager.getConnection(url, USER, PASSWORD);
            c.setAutoCommit(false);
            connections.add(c);
            statements.add(c.prepareStatement("INSERT INTO bench.raw (account, amount) VALUES (?, ?)"));
        }
        try {
            return LoadRun.run("raw PostgreSQL INSERT + COMMIT", threads, WARMUP_SECONDS, seconds, 1, (thread, i) -> {
                PreparedStatement insert = statements.get(thread);
                insert.setString(1, "acc_" + thread);
                insert.setLong(2, i);
                insert.executeUpdate();
                connections.get(thread).commit();
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }
}
