package ai.massrouter.app.statistics;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.ChargeUsageCommand;
import ai.massrouter.api.account.CreditTopUpCommand;
import ai.massrouter.api.account.HoldId;
import ai.massrouter.api.account.PlaceHoldCommand;
import ai.massrouter.api.account.ReleaseHoldCommand;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.user.UserId;
import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ai.massrouter.app.support.MoneyFixtures.fund;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statistics from a known sequence of charges around period boundaries in Shanghai time: the last
 * second of 2024 and the first of 2025, Sunday night and Monday 00:00. A context (and database) of
 * its own (the zone is set explicitly), so that every figure is exact.
 */
@TestPropertySource(properties = "massrouter.statistics.time-zone=Asia/Shanghai")
class StatisticsIT extends PlatformIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ModelPricing PRICING = new ModelPricing(Money.of(2, "CNY"), Money.of(8, "CNY"));
    static final String ALPHA = "statco/alpha";
    static final String BETA = "statco/beta";
    static final String GAMMA = "statco/gamma";

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    static boolean fed;
    static String admin;
    static final Map<String, String> users = new HashMap<>();
    static final Map<String, String> tokens = new HashMap<>();
    /** What the ledger charged, per user and per model. */
    static final Map<String, BigDecimal> chargedByUser = new HashMap<>();
    static final Map<String, BigDecimal> chargedByModel = new HashMap<>();

    @BeforeEach
    void feed() {
        if (fed) {
            return;
        }
        admin = adminToken();
        for (String name : List.of("a", "b", "c")) {
            JsonNode registered = register(uniqueEmail("stats-" + name), "password-123");
            users.put(name, registered.path("user").path("id").asText());
            tokens.put(name, registered.path("tokens").path("access_token").asText());
            fund(api, admin, users.get(name), "100.00");
        }
        // Sunday 2024-12-29, the week before
        charge("a", GAMMA, "code", "2024-12-29T23:59:59", 1000, 10);
        charge("b", GAMMA, "code", "2024-12-29T23:59:59", 1000, 10);
        charge("a", ALPHA, "chat", "2024-12-29T12:00:00", 500, 50);
        // Monday 2024-12-30, 00:00:00
        charge("b", ALPHA, "chat", "2024-12-30T00:00:00", 500, 50);
        // Tuesday 2024-12-31, the last day of the year
        charge("a", ALPHA, "chat", "2024-12-31T10:00:00", 100, 20);
        charge("b", ALPHA, "chat", "2024-12-31T23:59:59", 100, 20);
        charge("a", BETA, "chat", "2024-12-31T12:00:00", 300, 30);
        // Wednesday 2025-01-01, from 00:00:00
        charge("a", BETA, "chat", "2025-01-01T00:00:00", 300, 30);
        charge("b", BETA, "chat", "2025-01-01T01:00:00", 300, 30);
        charge("c", BETA, "chat", "2025-01-01T02:00:00", 300, 30);
        charge("a", ALPHA, "chat", "2025-01-01T00:00:01", 100, 20);
        charge("c", GAMMA, "code", "2025-01-01T03:00:00", 2000, 0);
        // a gateway call to alpha that failed: its hold was released
        AccountId account = AccountId.forUser(UserId.of(users.get("c")));
        commands.sendAndWait(new PlaceHoldCommand(account, HoldId.of("stat-failed"), Money.of(1, "CNY"), null, SpendLimits.NONE,
                "chat.completions " + ALPHA, at("2025-01-01T04:00:00")));
        commands.sendAndWait(new ReleaseHoldCommand(account, HoldId.of("stat-failed"), "upstream 503", at("2025-01-01T04:00:02")));
        commands.sendAndWait(new CreditTopUpCommand(AccountId.forUser(UserId.of(users.get("a"))), PaymentId.of("pay_stat"),
                "stripe", Money.of(50, "CNY"), Instant.now()));
        fed = true;
    }

    @Test
    void leaderboard_ofADay_ranksByCalls_tiesById_withRankChangesAgainstTheDayBefore() {
        JsonNode board = await("/api/v1/statistics/leaderboard?period=day&date=2025-01-01", null, 3);
        assertThat(board.path("start").asText()).isEqualTo("2024-12-31T16:00:00Z");
        assertThat(board.path("end").asText()).isEqualTo("2025-01-01T16:00:00Z");
        assertRow(board, 0, 1, BETA, 3, 3, 1);
        assertRow(board, 1, 2, ALPHA, 1, 1, -1);
        assertRow(board, 2, 3, GAMMA, 1, 1, null);
        JsonNode beta = board.path("items").path(0);
        assertThat(beta.path("prompt_tokens").asLong()).isEqualTo(900);
        assertThat(beta.path("completion_tokens").asLong()).isEqualTo(90);
        // 900 x 2/M + 90 x 8/M
        assertThat(beta.path("spend").decimalValue()).isEqualByComparingTo("0.00252");
        assertThat(beta.path("currency").asText()).isEqualTo("CNY");

        JsonNode dayBefore = await("/api/v1/statistics/leaderboard?period=day&date=2024-12-31", null, 2);
        assertRow(dayBefore, 0, 1, ALPHA, 2, 2, 0);
        assertRow(dayBefore, 1, 2, BETA, 1, 1, null);
    }

    @Test
    void leaderboard_ofTheWeekFromMonday_spansTheYearEnd() {
        JsonNode week = await("/api/v1/statistics/leaderboard?period=week&date=2025-01-01", null, 3);
        assertThat(week.path("start").asText()).isEqualTo("2024-12-29T16:00:00Z");
        assertRow(week, 0, 1, ALPHA, 4, 2, 1);
        assertRow(week, 1, 2, BETA, 4, 3, null);
        assertRow(week, 2, 3, GAMMA, 1, 1, -2);
        JsonNode weekBefore = await("/api/v1/statistics/leaderboard?period=week&date=2024-12-29", null, 2);
        assertRow(weekBefore, 0, 1, GAMMA, 2, 2, null);
        assertRow(weekBefore, 1, 2, ALPHA, 1, 1, null);
    }

    @Test
    void leaderboard_ofYearsAndMonths_metricsCategoryAndLimit() {
        JsonNode year = await("/api/v1/statistics/leaderboard?period=year&date=2025-06-30", null, 3);
        assertRow(year, 0, 1, BETA, 3, 3, 2);
        assertRow(year, 1, 2, ALPHA, 1, 1, -1);
        assertRow(year, 2, 3, GAMMA, 1, 1, -1);
        JsonNode december = await("/api/v1/statistics/leaderboard?period=month&date=2024-12-01", null, 3);
        assertRow(december, 0, 1, ALPHA, 4, 2, null);
        assertRow(december, 1, 2, GAMMA, 2, 2, null);
        assertRow(december, 2, 3, BETA, 1, 1, null);

        JsonNode byTokens = await("/api/v1/statistics/leaderboard?period=year&date=2025-01-01&metric=tokens&limit=2",
                null, 2);
        assertThat(byTokens.path("items").findValuesAsText("model_id")).containsExactly(GAMMA, BETA);
        JsonNode code = await("/api/v1/statistics/leaderboard?period=year&date=2025-01-01&category=code&metric=spend",
                null, 1);
        assertRow(code, 0, 1, GAMMA, 1, 1, 0);

        for (String bad : List.of("period=quarter", "metric=money", "limit=0", "limit=101", "category=toys",
                "date=2025-13-01")) {
            Response response = api.get("/api/v1/statistics/leaderboard?" + bad, null);
            assertThat(response.errorCode()).as(bad).isEqualTo("ERR_001");
            assertThat(response.json().path("error").path("details").fieldNames().next()).as(bad)
                    .isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void modelUsage_totalsEqualTheLedgersCharges_withHourBucketsAcrossMidnight() {
        String path = "/api/v1/statistics/models/" + BETA + "/usage?granularity=hour&start_date=2024-12-31"
                + "&end_date=2025-01-01";
        JsonNode usage = awaitData(path, tokens.get("c"), u -> u.path("totals").path("calls").asLong() == 4);
        assertThat(usage.path("totals").path("spend").decimalValue()).isEqualByComparingTo(chargedByModel.get(BETA));
        assertThat(usage.path("users").asLong()).isEqualTo(3);
        assertThat(usage.path("series")).hasSize(48);
        assertThat(usage.path("series").path(0).path("start").asText()).isEqualTo("2024-12-30T16:00:00Z");
        // 2025-01-01 00:00:00 Shanghai opens the 25th hour
        assertThat(usage.path("series").path(24).path("start").asText()).isEqualTo("2024-12-31T16:00:00Z");
        assertThat(usage.path("series").path(24).path("calls").asLong()).isEqualTo(1);
        assertThat(usage.path("providers").path(0).path("provider").asText()).isEqualTo("statco");

        JsonNode alpha = awaitData("/api/v1/statistics/models/" + ALPHA + "/usage?start_date=2024-12-29"
                + "&end_date=2025-01-01", tokens.get("c"), u -> u.path("errors").asLong() == 1);
        assertThat(alpha.path("totals").path("calls").asLong()).isEqualTo(5);
        assertThat(alpha.path("totals").path("spend").decimalValue()).isEqualByComparingTo(chargedByModel.get(ALPHA));
        assertThat(alpha.path("error_rate").decimalValue()).isEqualByComparingTo("0.1667");
        List<Long> perDay = new ArrayList<>();
        alpha.path("series").forEach(day -> perDay.add(day.path("calls").asLong()));
        assertThat(perDay).containsExactly(1L, 1L, 2L, 1L);

        assertThat(api.get("/api/v1/statistics/models/statco/none/usage", tokens.get("c")).errorCode())
                .isEqualTo("ERR_004");
        assertThat(api.get("/api/v1/statistics/models/" + BETA + "/usage", null).errorCode()).isEqualTo("ERR_002");
    }

    @Test
    void myUsage_isTheCallersOwn_andEqualsTheLedger_byModelAndByDay() {
        for (String name : List.of("a", "b", "c")) {
            String token = tokens.get(name);
            JsonNode usage = awaitData("/api/v1/statistics/users/me/usage?start_date=2024-12-29&end_date=2025-01-01",
                    token, u -> u.path("totals").path("spend").decimalValue()
                            .compareTo(chargedByUser.get(name)) == 0);
            BigDecimal ledger = BigDecimal.ZERO;
            for (JsonNode t : api.get("/api/v1/billing/transactions?type=consumption&limit=100", token).data()
                    .path("items")) {
                ledger = ledger.add(t.path("amount").decimalValue());
            }
            assertThat(usage.path("totals").path("spend").decimalValue()).as(name).isEqualByComparingTo(ledger.negate());
            assertThat(usage.path("series")).hasSize(4);
            BigDecimal byModel = BigDecimal.ZERO;
            for (JsonNode m : usage.path("by_model")) {
                byModel = byModel.add(m.path("spend").decimalValue());
            }
            assertThat(byModel).isEqualByComparingTo(ledger.negate());
            assertThat(usage.path("by_key").path(0).path("id").asText()).isEmpty();
        }
        JsonNode a = api.get("/api/v1/statistics/users/me/usage?start_date=2024-12-31&end_date=2024-12-31", tokens.get("a"))
                .data();
        assertThat(a.path("totals").path("calls").asLong()).isEqualTo(2);
        assertThat(a.path("by_model").findValuesAsText("id")).containsExactlyInAnyOrder(ALPHA, BETA);

        Map<String, String> invalid = Map.of(
                "granularity=week", "granularity",
                "start_date=2025-01-02&end_date=2025-01-01", "start_date",
                "start_date=2020-01-01&end_date=2025-01-01", "end_date",
                "granularity=hour&start_date=2024-11-01&end_date=2024-12-31", "end_date",
                "start_date=yesterday", "start_date");
        invalid.forEach((query, field) -> {
            Response response = api.get("/api/v1/statistics/users/me/usage?" + query, tokens.get("a"));
            assertThat(response.errorCode()).as(query).isEqualTo("ERR_001");
            assertThat(response.json().path("error").path("details").has(field)).as(query).isTrue();
        });
        assertThat(api.get("/api/v1/statistics/users/me/usage?granularity=hour&start_date=2024-11-22"
                + "&end_date=2024-12-31", tokens.get("a")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/statistics/users/me/usage", null).errorCode()).isEqualTo("ERR_002");
    }

    @Test
    void adminEndpoints_answerAdminsOnly() {
        for (String path : List.of("/api/v1/admin/users", "/api/v1/admin/statistics/dashboard",
                "/api/v1/admin/webhooks/refused", "/api/v1/admin/projections")) {
            assertThat(api.get(path, tokens.get("a")).errorCode()).as(path).isEqualTo("ERR_003");
            assertThat(api.get(path, null).errorCode()).as(path).isEqualTo("ERR_002");
            assertThat(api.get(path, admin).status()).as(path).isEqualTo(200);
        }
        assertThat(api.post("/api/v1/admin/projections/statistics/replay", null, tokens.get("a")).errorCode())
                .isEqualTo("ERR_003");
    }

    @Test
    void adminUsers_showBalanceTopUpsAndSpend_filteredSortedAndPaged() {
        JsonNode page = awaitData("/api/v1/admin/users?search=stats-a&limit=5", admin,
                p -> p.path("items").path(0).path("total_top_ups").decimalValue().signum() > 0);
        JsonNode a = page.path("items").path(0);
        assertThat(page.path("total").asLong()).isEqualTo(1);
        assertThat(a.path("id").asText()).isEqualTo(users.get("a"));
        assertThat(a.path("total_top_ups").decimalValue()).isEqualByComparingTo("50");
        assertThat(a.path("total_spend").decimalValue()).isEqualByComparingTo(chargedByUser.get("a"));
        assertThat(a.path("balance").decimalValue())
                .isEqualByComparingTo(new BigDecimal("150").subtract(chargedByUser.get("a")));

        JsonNode bySpend = api.get("/api/v1/admin/users?sort_by=spend&role=user&limit=3", admin).data();
        assertThat(bySpend.path("total").asLong()).isEqualTo(3);
        assertThat(bySpend.path("items").findValuesAsText("id")).containsExactly(users.get("a"), users.get("c"),
                users.get("b"));
        JsonNode admins = api.get("/api/v1/admin/users?role=admin", admin).data();
        assertThat(admins.path("items").findValuesAsText("email")).containsExactly(ADMIN_EMAIL);
        JsonNode second = api.get("/api/v1/admin/users?sort_by=email&order=asc&limit=2&page=2", admin).data();
        assertThat(second.path("items")).hasSize(2);
        assertThat(second.path("total").asLong()).isEqualTo(4);
        for (String bad : List.of("sort_by=name", "order=up", "role=root", "status=gone", "limit=101")) {
            assertThat(api.get("/api/v1/admin/users?" + bad, admin).errorCode()).as(bad).isEqualTo("ERR_001");
        }
    }

    @Test
    void dashboard_countsTodaysRegistrationsAndTopUps_andListsEveryProcessorWithItsLag() {
        JsonNode dashboard = awaitData("/api/v1/admin/statistics/dashboard", admin,
                d -> d.path("windows").path(0).path("revenue").path("count").asLong() == 1);
        assertThat(dashboard.path("total_users").asLong()).isEqualTo(4);
        JsonNode today = dashboard.path("windows").path(0);
        assertThat(today.path("name").asText()).isEqualTo("today");
        assertThat(today.path("users").path("new_users").asLong()).isEqualTo(4);
        assertThat(today.path("revenue").path("amount").decimalValue()).isEqualByComparingTo("50");
        // every charge of this test lies in the past: nothing consumed today
        assertThat(today.path("consumption").path("calls").asLong()).isZero();
        assertThat(dashboard.path("windows").findValuesAsText("name")).containsExactly("today", "7d", "30d");
        assertThat(dashboard.path("open_holds").path("open").asLong()).isZero();
        List<String> processors = new ArrayList<>();
        for (JsonNode p : dashboard.path("processors")) {
            processors.add(p.path("name").asText());
            assertThat(p.has("lag")).isTrue();
            assertThat(p.path("position").asLong()).isLessThanOrEqualTo(dashboard.path("event_log_head").asLong());
        }
        assertThat(processors).contains("statistics", "accounts", "models", "users", "payments");
    }

    @Test
    void refusedWebhooks_arePagedNewestFirst() {
        jdbc.update("INSERT INTO payment_webhook_rejection (provider, reason, remote_address, body_sha256, "
                + "body_excerpt, received_at) VALUES ('stripe', 'bad signature', '10.0.0.1', repeat('a', 64), "
                + "'{}', now() - interval '1 hour'), ('alipay', 'unknown order', '10.0.0.2', repeat('b', 64), "
                + "'x', now())");
        JsonNode page = api.get("/api/v1/admin/webhooks/refused?limit=1", admin).data();
        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(page.path("items").path(0).path("provider").asText()).isEqualTo("alipay");
        assertThat(page.path("items").path(0).path("body_sha256").asText()).isEqualTo("b".repeat(64));
        JsonNode stripe = api.get("/api/v1/admin/webhooks/refused?provider=stripe", admin).data();
        assertThat(stripe.path("items").findValuesAsText("reason")).containsExactly("bad signature");
        assertThat(api.get("/api/v1/admin/webhooks/refused?limit=0", admin).errorCode()).isEqualTo("ERR_001");
    }

    @Test
    void statistics_rebuiltFromTheLog_areIdentical() {
        await("/api/v1/statistics/leaderboard?period=day&date=2025-01-01", null, 3);
        awaitData("/api/v1/admin/statistics/dashboard", admin,
                d -> d.path("windows").path(0).path("revenue").path("count").asLong() == 1);
        String before = StatisticsTables.dump(jdbc);
        Response replay = api.post("/api/v1/admin/projections/statistics/replay", null, admin);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(StatisticsTables.dump(jdbc)).isEqualTo(before));
    }

    private void charge(String user, String model, String category, String shanghaiTime, long prompt,
                        long completion) {
        UserId userId = UserId.of(users.get(user));
        UsageDetails usage = new UsageDetails(userId, null, ModelId.of(model), "statco", category, prompt, completion, PRICING);
        Money cost = PRICING.cost(prompt, completion);
        AccountOperationResult result = commands.sendAndWait(new ChargeUsageCommand(AccountId.forUser(userId),
                "stat-" + UUID.randomUUID(), usage, cost, SpendLimits.NONE, at(shanghaiTime)));
        chargedByUser.merge(user, result.amount().toDecimal(), BigDecimal::add);
        chargedByModel.merge(model, result.amount().toDecimal(), BigDecimal::add);
    }

    private static Instant at(String shanghaiTime) {
        return LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant();
    }

    private static void assertRow(JsonNode board, int index, int rank, String model, long calls, long users,
                                  Integer rankChange) {
        JsonNode row = board.path("items").path(index);
        assertThat(row.path("rank").asInt()).as(model).isEqualTo(rank);
        assertThat(row.path("model_id").asText()).isEqualTo(model);
        assertThat(row.path("calls").asLong()).as(model).isEqualTo(calls);
        assertThat(row.path("users").asLong()).as(model).isEqualTo(users);
        if (rankChange == null) {
            assertThat(row.path("rank_change").isNull()).as(model + " rank_change").isTrue();
        } else {
            assertThat(row.path("rank_change").asInt()).as(model + " rank_change").isEqualTo(rankChange);
        }
    }

    /** The leaderboard once it has {@code rows} rows (the projection is eventually consistent). */
    private JsonNode await(String path, String token, int rows) {
        return awaitData(path, token, d -> d.path("items").size() == rows);
    }

    private JsonNode awaitData(String path, String token, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] data = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = api.get(path, token);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            data[0] = response.data();
            return ready.test(data[0]);
        });
        return data[0];
    }
}
