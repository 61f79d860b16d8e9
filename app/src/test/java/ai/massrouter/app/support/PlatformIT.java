package ai.massrouter.app.support;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.user.UserId;
import ai.massrouter.app.MassRouterApplication;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static ai.massrouter.app.support.MoneyFixtures.balance;
import static ai.massrouter.app.support.MoneyFixtures.fund;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP integration tests: the whole application on a random port, against a fresh
 * database on the local PostgreSQL server, called over real HTTP. Subclasses with the same
 * configuration share one context (and database).
 */
@SpringBootTest(classes = MassRouterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the suite sends thousands of requests from one address; RateLimitIT overrides these with small limits
@TestPropertySource(properties = {
        "massrouter.rate-limit.anonymous-per-hour=1000000",
        "massrouter.rate-limit.authenticated-per-hour=1000000",
        "massrouter.rate-limit.auth-per-ip-per-hour=1000000",
        "massrouter.rate-limit.auth-per-email-per-hour=1000000",
        // several contexts (and other builds) share one PostgreSQL server and its 100 connections
        "spring.datasource.hikari.maximum-pool-size=12",
        "spring.datasource.hikari.minimum-idle=1",
        // a processor more than 10 events behind (every replay of these tests) shares its reads, as a big rebuild does
        "massrouter.event-store.catch-up-window=10",
        "massrouter.cors.allowed-origins=" + PlatformIT.ALLOWED_ORIGIN,
        // tests turn metrics export off by default; FirstContactIT reads /actuator/prometheus
        "management.prometheus.metrics.export.enabled=true"})
public abstract class PlatformIT {

    public static final String ADMIN_EMAIL = "root@massrouter.test";
    public static final String ADMIN_PASSWORD = "admin-password-1";
    /** The one browser origin allowed to call the API in the tests (a web console elsewhere). */
    public static final String ALLOWED_ORIGIN = "https://console.massrouter.test";

    @LocalServerPort
    protected int port;
    protected ApiClient api;

    @DynamicPropertySource
    static void platformProperties(DynamicPropertyRegistry registry) throws Exception {
        // called once per Spring context: each context gets a database of its own
        String databaseUrl = TestDatabase.create();
        registry.add("spring.datasource.url", () -> databaseUrl);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        Path dataDir = Files.createTempDirectory("massrouter-it");
        registry.add("massrouter.data-dir", dataDir::toString);
        registry.add("massrouter.jwt.secret", () -> "integration-test-secret");
        registry.add("massrouter.admin.email", () -> ADMIN_EMAIL);
        registry.add("massrouter.admin.password", () -> ADMIN_PASSWORD);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    protected static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Registers a new user and returns the register response's {@code data}. */
    protected JsonNode register(String email, String password) {
        ApiClient.Response response = api.post("/api/v1/auth/register", Map.of("email", email,
                "username", "u" + UUID.randomUUID().toString().substring(0, 8), "password", password,
                "confirm_password", password), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.data();
    }

    /** A registered user: its id, an access token, and the id of its account. */
    public record User(String id, String token, AccountId account) {
    }

    /** Registers a new user whose email starts with {@code prefix}. */
    protected User newUser(String prefix) {
        JsonNode registered = register(uniqueEmail(prefix), "password-123");
        String id = registered.path("user").path("id").asText();
        return new User(id, registered.path("tokens").path("access_token").asText(), AccountId.forUser(UserId.of(id)));
    }

    /**
     * Registers a new user and credits {@code amount} to its account, then waits until its balance
     * (the read model) shows it, so that a test starts from a settled balance.
     */
    protected User fundedUser(String prefix, String amount) {
        User user = newUser(prefix);
        fund(api, adminToken(), user.id(), amount);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                balance(api, user.token()).path("total").decimalValue().compareTo(new BigDecimal(amount)) == 0);
        return user;
    }

    /**
     * The ledger check, read from the event log: every account's events fold to its read model
     * ({@code balanced}), every money flow matches from both sides ({@code reconciled}, no
     * {@code breaks}) and nothing is still under way. Waits for the asynchronous steps (a payment's
     * credit, the read model) to finish.
     */
    protected JsonNode assertLedgerReconciled() {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ApiClient.Response response = api.get("/api/v1/admin/audit/ledger-check", adminToken());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode check = response.data();
            assertThat(check.path("mismatches").size()).as(check.toString()).isZero();
            assertThat(check.path("balanced").asBoolean()).as(check.toString()).isTrue();
            assertThat(check.path("breaks").size()).as(check.toString()).isZero();
            assertThat(check.path("reconciled").asBoolean()).as(check.toString()).isTrue();
            assertThat(check.path("flows").path("in_flight").asLong()).as(check.toString()).isZero();
            last[0] = check;
        });
        return last[0];
    }

    protected String registerAndGetToken() {
        return register(uniqueEmail("user"), "password-123").path("tokens").path("access_token").asText();
    }

    protected String adminToken() {
        ApiClient.Response response = api.post("/api/v1/auth/login",
                Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data().path("tokens").path("access_token").asText();
    }
}
