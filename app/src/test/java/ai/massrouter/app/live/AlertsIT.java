package ai.massrouter.app.live;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.LiveClient;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static ai.massrouter.app.support.LiveClient.event;
import static ai.massrouter.app.support.MoneyFixtures.balance;
import static ai.massrouter.app.support.MoneyFixtures.fund;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code system.alerts} pushes besides the low balance, over a real socket against the whole
 * application: each reaches who may see it, once per crossing of its threshold, and an
 * administrator's alert never reaches an ordinary user. Thresholds are small here; the slow probe
 * makes a processor fall behind on demand, and {@code dead} is a provider where nothing listens.
 */
@TestPropertySource(properties = {
        "massrouter.test.slow-probe=true",
        "massrouter.alerts.check-interval=PT0.3S",
        "massrouter.alerts.processor-lag=30",
        "massrouter.alerts.provider-min-calls=3",
        "massrouter.alerts.provider-window=PT2M"})
class AlertsIT extends PlatformIT {

    private static final List<String> ADMIN_ALERTS = List.of("provider.failing", "processor.lagging",
            "payment.webhook_refused", "payment.failed");

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void deadProvider(DynamicPropertyRegistry registry) {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("massrouter.gateway.providers.dead.base-url", () -> "http://127.0.0.1:" + port + "/v1");
        registry.add("massrouter.gateway.providers.dead.api-key", () -> "sk-dead");
        registry.add("massrouter.gateway.connect-timeout", () -> "PT2S");
    }

    @AfterEach
    void openTheGate() {
        SlowProbeProjection.release();
    }

    private User fundedUser(String amount) {
        return fundedUser("alerts", amount);
    }

    private String apiKey(User user, Object spendLimit) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "alerts", "permissions",
                List.of("read", "write")));
        if (spendLimit != null) {
            body.put("spend_limit", spendLimit);
        }
        Response created = api.post("/api/v1/users/me/api-keys", body, user.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data().path("key").asText();
    }

    private LiveClient alerts(String token) {
        LiveClient client = LiveClient.connect(port, token);
        JsonNode ack = client.next(5000);
        assertThat(ack).isNotNull();
        assertThat(ack.path("action").asText()).as(ack.toString()).isEqualTo("auth");
        client.subscribe("system.alerts");
        return client;
    }

    private static Predicate<JsonNode> alert(String name, String field, String value) {
        return m -> event(name).test(m) && m.path("topic").asText().equals("system.alerts")
                && m.path("data").path(field).asText().equals(value);
    }

    private static Predicate<JsonNode> anyAdminAlert() {
        return m -> m.path("type").asText().equals("event") && ADMIN_ALERTS.contains(m.path("event").asText());
    }

    /** 100,000 prompt tokens of mock/echo: 0.10 each. */
    private void charge(String token) {
        Response charged = api.post("/api/v1/billing/usage", Map.of("request_id", "alert-" + UUID.randomUUID(),
                "model", "mock/echo", "prompt_tokens", 100_000, "completion_tokens", 0), token);
        assertThat(charged.status()).as(charged.toString()).isEqualTo(200);
    }

    /** {@code count} events in the log at once: a batch of tiny charges. */
    private void burst(User user, int count) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(Map.of("request_id", "burst-" + UUID.randomUUID(), "model", "mock/echo",
                    "prompt_tokens", 1000, "completion_tokens", 0));
        }
        Response charged = api.post("/api/v1/billing/usage", Map.of("records", records), user.token());
        assertThat(charged.status()).as(charged.toString()).isEqualTo(200);
    }

    @Test
    void aKeyNearItsSpendLimit_alertsItsOwnerOnce_atTheChargeThatCrosses80Percent() {
        User owner = fundedUser("5.00");
        User other = fundedUser("5.00");
        String key = apiKey(owner, Map.of("daily", new BigDecimal("1.00")));
        // the limit is read from the keys' read model: wait until it shows it
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/users/me/api-keys",
                owner.token()).data().path("items").path(0).path("spend_limit").path("daily").isNumber());
        try (LiveClient mine = alerts(owner.token()); LiveClient theirs = alerts(other.token())) {
            for (int i = 0; i < 7; i++) {
                charge(key);
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    balance(api, owner.token()).path("total").decimalValue().compareTo(new BigDecimal("4.30")) == 0);
            assertThat(mine.next(event("api_key.limit_near"), 1000)).as("an alert below 80 %").isNull();

            charge(key);
            JsonNode near = mine.next(event("api_key.limit_near"), 5000);
            assertThat(near).as("the alert of the charge that reached 0.80 of 1.00").isNotNull();
            assertThat(near.path("topic").asText()).isEqualTo("system.alerts");
            assertThat(near.path("data").path("api_key_id").asText()).startsWith("key_");
            assertThat(near.path("data").path("percent").asInt()).isEqualTo(80);
            JsonNode limit = near.path("data").path("limits").path(0);
            assertThat(limit.path("period").asText()).isEqualTo("daily");
            assertThat(limit.path("limit").decimalValue()).isEqualByComparingTo("1.00");
            assertThat(limit.path("spent").decimalValue()).isEqualByComparingTo("0.80");
            assertThat(near.path("data").path("limits").size()).isEqualTo(1);

            charge(key);
            assertThat(mine.next(event("api_key.limit_near"), 2000)).as("a second alert at 90 %").isNull();
            assertThat(theirs.next(event("api_key.limit_near"), 200)).as("another user's key").isNull();
        }
    }

    @Test
    void aFailingProvider_alertsAdministratorsOncePerEpisode_andNoOrdinaryUser() {
        String admin = adminToken();
        String model = "test/alerts-" + UUID.randomUUID().toString().substring(0, 8);
        Response added = api.post("/api/v1/admin/models", Map.of("id", model, "name", model, "provider", "test",
                "category", "chat", "context_length", 100_000, "pricing", Map.of("input_per_million",
                        new BigDecimal("1.00"), "output_per_million", new BigDecimal("2.00")),
                "routes", List.of(Map.of("provider", "dead", "upstream_model", "x"),
                        Map.of("provider", "mock", "upstream_model", "echo"))), admin);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/models/" + model, null)
                .status() == 200);
        User caller = fundedUser("5.00");
        String key = apiKey(caller, null);
        Map<String, Object> chat = Map.of("model", model, "messages", List.of(Map.of("role", "user",
                "content", "Say hello")));
        try (LiveClient adminLive = alerts(admin); LiveClient userLive = alerts(caller.token())) {
            for (int i = 0; i < 3; i++) {
                Response answered = api.post("/v1/chat/completions", chat, key);
                assertThat(answered.status()).as("the fallback answers: %s", answered).isEqualTo(200);
            }
            JsonNode failing = adminLive.next(alert("provider.failing", "provider", "dead"), 10_000);
            assertThat(failing).as("an alert about the dead provider").isNotNull();
            assertThat(failing.path("data").path("calls").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(failing.path("data").path("failure_rate").decimalValue()).isEqualByComparingTo("1.00");
            assertThat(failing.path("data").path("window_seconds").asLong()).isEqualTo(120);

            Response again = api.post("/v1/chat/completions", chat, key);
            assertThat(again.status()).isEqualTo(200);
            assertThat(adminLive.next(alert("provider.failing", "provider", "dead"), 2000))
                    .as("a second alert within the same episode").isNull();
            assertThat(adminLive.next(alert("provider.failing", "provider", "mock"), 200))
                    .as("the provider that answered").isNull();
            assertThat(userLive.next(anyAdminAlert(), 200)).as("an administrators' alert to a user").isNull();
        }
    }

    @Test
    void refusedPaymentNotifications_alertAdministratorsOnce_andNoOrdinaryUser() {
        String admin = adminToken();
        User user = fundedUser("1.00");
        try (LiveClient adminLive = alerts(admin); LiveClient userLive = alerts(user.token())) {
            Response forged = api.post("/api/v1/billing/webhooks/stripe", Map.of("type",
                    "checkout.session.completed"), null);
            assertThat(forged.status()).as(forged.toString()).isEqualTo(401);
            JsonNode refused = adminLive.next(alert("payment.webhook_refused", "provider", "stripe"), 10_000);
            assertThat(refused).as("an alert about the refused notification").isNotNull();
            assertThat(refused.path("data").path("refused").asLong()).isEqualTo(1);
            assertThat(refused.path("data").path("last_reason").asText()).isNotBlank();

            assertThat(api.post("/api/v1/billing/webhooks/stripe", Map.of(), null).status()).isEqualTo(401);
            assertThat(adminLive.next(alert("payment.webhook_refused", "provider", "stripe"), 2000))
                    .as("a second alert while refusals go on").isNull();
            assertThat(userLive.next(anyAdminAlert(), 200)).as("an administrators' alert to a user").isNull();
        }
    }

    @Test
    void aProcessorFallingBehind_alertsAdministratorsOncePerCrossing() {
        String admin = adminToken();
        User held = fundedUser("1.00");
        User busy = fundedUser("5.00");
        Predicate<JsonNode> lagging = alert("processor.lagging", "processor", SlowProbeProjection.GROUP);
        try (LiveClient adminLive = alerts(admin); LiveClient userLive = alerts(busy.token())) {
            SlowProbeProjection.hold(held.account().value());
            fund(api, admin, held.id(), "1.00");
            burst(busy, 40);
            JsonNode first = adminLive.next(lagging, 6000);
            assertThat(first).as("an alert while the probe is 40 events behind").isNotNull();
            assertThat(first.path("data").path("lag").asLong()).isGreaterThanOrEqualTo(30);
            assertThat(first.path("data").path("threshold").asLong()).isEqualTo(30);
            // episodes are per segment: the other segment may cross too while the burst goes by, as itself
            int segment = first.path("data").path("segment").asInt();
            Predicate<JsonNode> sameSegment = lagging.and(m -> m.path("data").path("segment").asInt() == segment);
            burst(busy, 10);
            assertThat(adminLive.next(sameSegment, 1000)).as("a second alert while still behind").isNull();

            SlowProbeProjection.release();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM live_alert_episode WHERE alert_key LIKE 'processor.lag:slow-probe:%'",
                    Integer.class) == 0);
            assertThat(adminLive.next(sameSegment, 500)).as("an alert when catching up").isNull();

            SlowProbeProjection.hold(held.account().value());
            fund(api, admin, held.id(), "1.00");
            burst(busy, 40);
            assertThat(adminLive.next(lagging, 6000)).as("the alert of the next crossing").isNotNull();
            SlowProbeProjection.release();
            assertThat(userLive.next(anyAdminAlert(), 200)).as("an administrators' alert to a user").isNull();
        }
    }
}
