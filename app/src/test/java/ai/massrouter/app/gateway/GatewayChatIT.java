package ai.massrouter.app.gateway;

import ai.massrouter.app.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Non-streaming calls through the gateway to a local OpenAI-compatible server: routing, charging, errors. */
class GatewayChatIT extends GatewayIT {

    @Test
    void nonStreamingCall_chargesExactlyPriceTimesReportedTokens() {
        Consumer consumer = consumer("10.00");
        String model = model("2.00", "8.00", "local-a", "ok");

        Response response = post(consumer.key(), chat(model, "max_tokens", 500));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        String requestId = response.header("X-Request-Id");
        assertThat(requestId).startsWith("chatcmpl-");
        assertThat(body.path("id").asText()).isEqualTo(requestId);
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("model").asText()).isEqualTo(model);
        assertThat(body.path("choices").path(0).path("message").path("content").asText())
                .isEqualTo(LocalOpenAiServer.REPLY);
        assertThat(body.path("usage").path("prompt_tokens").asLong()).isEqualTo(LocalOpenAiServer.PROMPT_TOKENS);
        // the upstream got the upstream model name and the provider's key, never the consumer's
        JsonNode upstream = OPENAI.requests.get(OPENAI.requests.size() - 1);
        assertThat(upstream.path("model").asText()).isEqualTo("ok");
        assertThat(upstream.path("max_tokens").asInt()).isEqualTo(500);
        assertThat(OPENAI.authorizations).last().isEqualTo("Bearer sk-local-a");

        BigDecimal expected = cost("2.00", LocalOpenAiServer.PROMPT_TOKENS, "8.00", LocalOpenAiServer.COMPLETION_TOKENS);
        assertThat(expected).isEqualByComparingTo("0.0048");
        JsonNode charge = charge(consumer, requestId);
        assertThat(charge.path("amount").decimalValue()).isEqualByComparingTo(expected.negate());
        assertThat(charge.path("model").asText()).isEqualTo(model);
        assertThat(charge.path("prompt_tokens").asLong()).isEqualTo(LocalOpenAiServer.PROMPT_TOKENS);
        assertThat(charge.path("completion_tokens").asLong()).isEqualTo(LocalOpenAiServer.COMPLETION_TOKENS);
        assertThat(settledBalance(consumer).path("available").decimalValue())
                .isEqualByComparingTo(new BigDecimal("10.00").subtract(expected));
    }

    /** The hold covers the budget only: an upstream left uncapped could write, and cost, past it. */
    @Test
    void theUpstreamIsCappedAtTheHeldBudget_withOrWithoutTheClientsCap() {
        Consumer consumer = consumer("10.00");
        String model = model("1.00", "1.00", "local-a", "ok-uncapped");

        assertThat(post(consumer.key(), chat(model)).status()).isEqualTo(200);
        JsonNode uncapped = lastRequest("ok-uncapped");
        assertThat(uncapped.path("max_tokens").asInt()).as(uncapped.toString()).isEqualTo(4096);

        // without a cap the default budget is cut to what the context leaves beside the prompt (20 tokens)
        String small = model(2000, "1.00", "1.00", "local-a", "ok-small-context");
        assertThat(post(consumer.key(), chat(small)).status()).isEqualTo(200);
        JsonNode cut = lastRequest("ok-small-context");
        assertThat(cut.path("max_tokens").asInt()).as(cut.toString()).isEqualTo(2000 - 20);
    }

    static JsonNode lastRequest(String upstreamModel) {
        JsonNode found = null;
        for (JsonNode request : OPENAI.requests) {
            if (request.path("model").asText().equals(upstreamModel)) {
                found = request;
            }
        }
        assertThat(found).as("a request for " + upstreamModel).isNotNull();
        return found;
    }

    @Test
    void upstream500_fallsBackToTheSecondProvider_andTheEventNamesIt() {
        Consumer consumer = consumer("10.00");
        String model = model("1.00", "1.00", "local-a", "fail500", "dead", "ok", "local-b", "ok");
        int failedBefore = OPENAI.calls("fail500");

        Response response = post(consumer.key(), chat(model));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(OPENAI.calls("fail500")).isEqualTo(failedBefore + 1);
        assertThat(OPENAI.authorizations).last().isEqualTo("Bearer sk-local-b");
        String requestId = response.header("X-Request-Id");
        charge(consumer, requestId);
        JsonNode events = api.get("/api/v1/admin/audit/accounts/" + consumer.userId() + "/events?limit=100",
                adminToken()).data().path("events");
        JsonNode settled = null;
        for (JsonNode e : events) {
            if (e.path("type").asText().endsWith("HoldSettledEvent")
                    && e.path("payload").path("holdId").asText().equals(requestId)) {
                settled = e.path("payload");
            }
        }
        // the usage event is self-contained: who, which key, model, provider that served it, tokens, unit prices
        assertThat(settled).as(events.toString()).isNotNull();
        JsonNode usage = settled.path("usage");
        assertThat(usage.path("provider").asText()).isEqualTo("local-b");
        assertThat(usage.path("modelId").asText()).isEqualTo(model);
        assertThat(usage.path("apiKeyId").asText()).startsWith("key_");
        assertThat(usage.path("promptTokens").asLong()).isEqualTo(LocalOpenAiServer.PROMPT_TOKENS);
        assertThat(usage.path("pricing").path("inputPerMillion").path("nanos").asLong()).isEqualTo(1_000_000_000L);
        assertThat(settled.path("charged").path("nanos").asLong()).isEqualTo(1_500_000L);
    }

    @Test
    void everyRouteFailing_is502_andLeavesTheBalanceUnchanged() {
        Consumer consumer = consumer("5.00");
        String model = model("1.00", "1.00", "local-a", "fail500", "dead", "x");

        Response response = post(consumer.key(), chat(model));

        assertThat(response.status()).as(response.toString()).isEqualTo(502);
        assertThat(response.json().path("error").path("type").asText()).isEqualTo("upstream_error");
        assertThat(response.json().path("error").path("message").asText()).contains("local-a answered 500", "dead");
        JsonNode balance = settledBalance(consumer);
        assertThat(balance.path("available").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(balance.path("total").decimalValue()).isEqualByComparingTo("5.00");
    }

    @Test
    void insufficientBalance_is402_beforeAnyUpstreamCall() {
        Consumer consumer = consumer("0.000001");
        String model = model("2.00", "8.00", "local-a", "ok-unfunded");

        Response response = post(consumer.key(), chat(model, "max_tokens", 1000));

        assertThat(response.status()).as(response.toString()).isEqualTo(402);
        assertThat(response.json().path("error").path("code").asText()).isEqualTo("BILL_001");
        assertThat(response.json().path("error").path("type").asText()).isEqualTo("insufficient_quota");
        assertThat(response.header("X-Request-Id")).startsWith("chatcmpl-");
        assertThat(OPENAI.calls("ok-unfunded")).isZero();
        assertThat(settledBalance(consumer).path("available").decimalValue()).isEqualByComparingTo("0.000001");
    }

    /** Each of the n answers may use the whole cap: a hold for one would let n times the budget be spent. */
    @Test
    void severalAnswers_holdTheBudgetForEach_soABalanceForOneIsRefused() {
        Consumer consumer = consumer("2.00");
        String model = model("0.01", "1000.00", "local-a", "ok-n");

        Response three = post(consumer.key(), chat(model, "max_tokens", 1000, "n", 3));

        assertThat(three.status()).as(three.toString()).isEqualTo(402);
        assertThat(three.json().path("error").path("code").asText()).isEqualTo("BILL_001");
        assertThat(OPENAI.calls("ok-n")).isZero();
        assertThat(post(consumer.key(), chat(model, "max_tokens", 1000, "n", 1)).status()).isEqualTo(200);
        assertThat(post(consumer.key(), chat(model, "n", 0)).status()).isEqualTo(400);
    }

    /** Upstreams bill tool definitions as prompt: a hold that left them out could be far below the cost. */
    @Test
    void toolDefinitions_countInTheHold() {
        Consumer consumer = consumer("0.50");
        String model = model("100.00", "0.01", "local-a", "ok-tools");
        // 30 000 characters of schema: 7 500 tokens, 0.75 at 100 per million
        Map<String, Object> tool = Map.of("type", "function", "function", Map.of("name", "lookup",
                "description", "x".repeat(30_000), "parameters", Map.of("type", "object")));

        Response withTools = post(consumer.key(), chat(model, "max_tokens", 10, "tools", java.util.List.of(tool)));

        assertThat(withTools.status()).as(withTools.toString()).isEqualTo(402);
        assertThat(OPENAI.calls("ok-tools")).isZero();
        assertThat(post(consumer.key(), chat(model, "max_tokens", 10)).status()).isEqualTo(200);
    }

    @Test
    void errors_comeInOpenAiShape_withTheirStatus() {
        Consumer consumer = consumer("1.00");
        Response badKey = post("mr-not-a-real-key-000000000000000000", chat("mock/echo"));
        assertThat(badKey.status()).isEqualTo(401);
        assertThat(badKey.json().path("error").path("message").asText()).isNotBlank();
        assertThat(badKey.json().has("success")).isFalse();

        assertThat(post(consumer.jwt(), chat("mock/echo")).status()).as("a login token is not an API key").isEqualTo(401);

        Response unknown = post(consumer.key(), chat("nobody/nothing"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("param").asText()).isEqualTo("model");

        Response unconfigured = post(consumer.key(), chat(model("1", "1", "openai", "gpt-4o")));
        assertThat(unconfigured.status()).isEqualTo(503);
        assertThat(unconfigured.json().path("error").path("message").asText())
                .contains("provider openai is not configured");

        Response invalid = post(consumer.key(), Map.of("model", "mock/echo", "messages", "hello"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("error").path("param").asText()).isEqualTo("messages");
        assertThat(settledBalance(consumer).path("available").decimalValue()).isEqualByComparingTo("1.00");
    }

    @Test
    void keyRateLimit_is429InOpenAiShape() {
        Consumer consumer = consumer("1.00");
        Response created = api.post("/api/v1/users/me/api-keys", Map.of("name", "limited",
                "permissions", java.util.List.of("read", "write"), "rate_limit_per_hour", 2), consumer.jwt());
        String limitedKey = created.data().path("key").asText();

        assertThat(post(limitedKey, chat("mock/echo")).status()).isEqualTo(200);
        assertThat(post(limitedKey, chat("mock/echo")).status()).isEqualTo(200);
        Response limited = post(limitedKey, chat("mock/echo"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(limited.header("Retry-After")).isNotNull();
    }

    @Test
    void readOnlyKey_is403() {
        Consumer consumer = consumer("1.00");
        Response created = api.post("/api/v1/users/me/api-keys", Map.of("name", "reader",
                "permissions", java.util.List.of("read")), consumer.jwt());

        Response refused = post(created.data().path("key").asText(), chat("mock/echo"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").path("type").asText()).isEqualTo("permission_error");
    }

    @Test
    void unavailableModel_is503() {
        // without funds: until the status change reaches the catalog the call is refused with 402, never served
        Consumer poor = consumer(null);
        String offline = model("1", "1", "local-a", "ok-offline");
        Response status = api.put("/api/v1/admin/models/" + offline + "/status",
                Map.of("status", "unavailable", "reason", "test"), adminToken());
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        org.awaitility.Awaitility.await().until(() -> post(poor.key(), chat(offline)).status() == 503);
        assertThat(post(poor.key(), chat(offline)).json().path("error").path("code").asText()).isEqualTo("MODEL_001");
        assertThat(OPENAI.calls("ok-offline")).isZero();
    }
}
