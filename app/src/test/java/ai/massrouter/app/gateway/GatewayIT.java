package ai.massrouter.app.gateway;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static ai.massrouter.app.support.MoneyFixtures.fund;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the gateway tests: the platform with providers pointing at real local HTTP servers
 * (one speaking OpenAI's wire format, one Anthropic's), started once for all gateway tests so
 * that they share one Spring context. {@code dead} points at a port where nothing listens.
 */
abstract class GatewayIT extends PlatformIT {

    static final LocalOpenAiServer OPENAI = start(LocalOpenAiServer::new);
    static final LocalAnthropicServer ANTHROPIC = start(LocalAnthropicServer::new);
    static final int DEAD_PORT = freePort();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        String prefix = "massrouter.gateway.providers.";
        registry.add(prefix + "local-a.base-url", OPENAI::baseUrl);
        registry.add(prefix + "local-a.api-key", () -> "sk-local-a");
        registry.add(prefix + "local-b.base-url", OPENAI::baseUrl);
        registry.add(prefix + "local-b.api-key", () -> "sk-local-b");
        registry.add(prefix + "dead.base-url", () -> "http://127.0.0.1:" + DEAD_PORT + "/v1");
        registry.add(prefix + "dead.api-key", () -> "sk-dead");
        registry.add(prefix + "local-claude.kind", () -> "anthropic");
        registry.add(prefix + "local-claude.base-url", ANTHROPIC::baseUrl);
        registry.add(prefix + "local-claude.api-key", () -> LocalAnthropicServer.API_KEY);
        registry.add("massrouter.gateway.connect-timeout", () -> "PT2S");
        registry.add("massrouter.gateway.request-timeout", () -> "PT10S");
        registry.add("massrouter.gateway.read-timeout", () -> "PT2S");
        registry.add("massrouter.gateway.keep-alive-after", () -> "PT3S");
    }

    /** A user with a funded account and an API key with read and write permission. */
    record Consumer(String userId, String jwt, String key) {
    }

    Consumer consumer(String funds) {
        JsonNode registered = register(uniqueEmail("gw"), "password-123");
        String userId = registered.path("user").path("id").asText();
        String jwt = registered.path("tokens").path("access_token").asText();
        if (funds != null) {
            fund(api, adminToken(), userId, funds);
        }
        Response key = api.post("/api/v1/users/me/api-keys", Map.of("name", "gateway test",
                "permissions", List.of("read", "write")), jwt);
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return new Consumer(userId, jwt, key.data().path("key").asText());
    }

    /** Adds a model whose routes are (provider, upstream model) pairs, and waits until the catalog shows it. */
    String model(String inputPerMillion, String outputPerMillion, String... routes) {
        return model(100_000, inputPerMillion, outputPerMillion, routes);
    }

    String model(int contextLength, String inputPerMillion, String outputPerMillion, String... routes) {
        return model("chat", contextLength, Map.of("input_per_million", new BigDecimal(inputPerMillion),
                "output_per_million", new BigDecimal(outputPerMillion)), routes);
    }

    /** Adds a model of {@code category} at {@code pricing} (the admin API's fields), and waits until the catalog shows it. */
    String model(String category, int contextLength, Map<String, Object> pricing, String... routes) {
        String id = "test/m-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, String>> routeList = new ArrayList<>();
        for (int i = 0; i < routes.length; i += 2) {
            routeList.add(Map.of("provider", routes[i], "upstream_model", routes[i + 1]));
        }
        Response added = api.post("/api/v1/admin/models", Map.of("id", id, "name", id, "provider", "test",
                "category", category, "context_length", contextLength, "pricing", pricing,
                "routes", routeList), adminToken());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/models/" + id, null).status() == 200);
        return id;
    }

    static Map<String, Object> chat(String model, Object... extra) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", List.of(Map.of("role", "system", "content", "Be brief."),
                Map.of("role", "user", "content", "Say hello")));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    Response post(String key, Map<String, Object> body) {
        return api.post("/v1/chat/completions", body, key);
    }

    /** The consumption transaction of a request id, once the read model has it. */
    JsonNode charge(Consumer consumer, String requestId) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode t : api.get("/api/v1/billing/transactions?type=consumption&limit=100", consumer.jwt()).data()
                    .path("items")) {
                if (t.path("request_id").asText().equals(requestId)) {
                    found.set(t);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    /** The call's record at {@code GET /api/v1/generations/{id}}, once the read model has it. */
    JsonNode generation(Consumer consumer, String requestId) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            Response response = api.get("/api/v1/generations/" + requestId, consumer.key());
            found.set(response.data());
            return response.status() == 200
                    && response.data().path("ledger_entries").size() >= 2;
        });
        return found.get();
    }

    /** The types of the account's events, as recorded (e.g. {@code FundsHeldEvent}). */
    List<String> eventTypes(Consumer consumer) {
        List<String> types = new ArrayList<>();
        for (JsonNode e : api.get("/api/v1/admin/audit/accounts/" + consumer.userId() + "/events?limit=100",
                adminToken()).data().path("events")) {
            String type = e.path("type").asText();
            types.add(type.substring(type.lastIndexOf('.') + 1));
        }
        return types;
    }

    /** Waits until nothing is on hold any more, and returns the balance. */
    JsonNode settledBalance(Consumer consumer) {
        AtomicReference<JsonNode> balance = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            balance.set(api.get("/api/v1/billing/balance", consumer.jwt()).data());
            return balance.get().path("on_hold").decimalValue().signum() == 0;
        });
        return balance.get();
    }

    /** price × tokens, per million, exact. */
    static BigDecimal cost(String inputPerMillion, long prompt, String outputPerMillion, long completion) {
        return new BigDecimal(inputPerMillion).multiply(BigDecimal.valueOf(prompt))
                .add(new BigDecimal(outputPerMillion).multiply(BigDecimal.valueOf(completion)))
                .divide(BigDecimal.valueOf(1_000_000));
    }

    interface ServerFactory<T> {
        T start() throws IOException;
    }

    private static <T> T start(ServerFactory<T> factory) {
        try {
            return factory.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
