package ai.massrouter.app.gateway;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway call's settlement carries how fast its upstream answered, and the model's usage
 * statistics show it per provider; a call that no upstream answered counts as an error.
 */
class GatewayTimingsIT extends GatewayIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void upstreamLatency_perProvider_fromTheSettlements() {
        Consumer consumer = consumer("1.00");
        String model = model("1.00", "2.00", "local-a", "paced");

        SseClient.Stream stream = new SseClient(port).post(consumer.key(), chat(model, "stream", true));
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.text()).isEqualTo("Hello there");
        Response whole = post(consumer.key(), chat(model));
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);

        JsonNode usage = usage(model, consumer.jwt(), u -> u.path("totals").path("calls").asLong() == 2);
        JsonNode provider = usage.path("providers").path(0);
        assertThat(provider.path("provider").asText()).isEqualTo("local-a");
        JsonNode latency = provider.path("latency_ms");
        assertThat(latency.path("samples").asLong()).isEqualTo(2);
        // only the stream has a first token; the upstream waits 300 ms for it, 200 ms more to the end
        assertThat(latency.path("first_token_p50").asLong()).isBetween(300L, 1500L);
        assertThat(latency.path("first_token_p95").asLong()).isEqualTo(latency.path("first_token_p50").asLong());
        assertThat(latency.path("total_p50").asLong()).isBetween(300L, 1500L);
        assertThat(latency.path("total_p95").asLong()).isBetween(500L, 2000L);
        assertThat(usage.path("errors").asLong()).isZero();
        assertThat(usage.path("error_rate").decimalValue()).isZero();
        // the settlement events record the timings for an auditor, as JSON (no first token without a stream)
        String settled = "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%HoldSettledEvent' "
                + "AND position(? IN convert_from(payload, 'UTF8')) > 0 AND convert_from(payload, 'UTF8') ~ ?";
        assertThat(jdbc.queryForObject(settled, Long.class, "\"" + model + "\"",
                "\"timings\":\\{\"firstTokenMillis\":[0-9]+,\"totalMillis\":[0-9]+\\}")).isEqualTo(1);
        assertThat(jdbc.queryForObject(settled, Long.class, "\"" + model + "\"",
                "\"timings\":\\{\"firstTokenMillis\":null,\"totalMillis\":[0-9]+\\}")).isEqualTo(1);
    }

    @Test
    void aCallNoUpstreamAnswered_countsAsAnErrorOfItsModel() {
        Consumer consumer = consumer("1.00");
        String model = model("1.00", "2.00", "dead", "x");
        assertThat(post(consumer.key(), chat(model)).status()).isEqualTo(502);
        JsonNode usage = usage(model, consumer.jwt(), u -> u.path("errors").asLong() == 1);
        assertThat(usage.path("totals").path("calls").asLong()).isZero();
        assertThat(usage.path("error_rate").decimalValue()).isEqualByComparingTo("1");
        assertThat(usage.path("providers")).isEmpty();
    }

    private JsonNode usage(String model, String jwt, java.util.function.Predicate<JsonNode> ready) {
        AtomicReference<JsonNode> usage = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = api.get("/api/v1/statistics/models/" + model + "/usage", jwt);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            usage.set(response.data());
            return ready.test(usage.get());
        });
        return usage.get();
    }
}
