package ai.massrouter.app.live;

import ai.massrouter.app.support.ApiClient.Response;
import ai.massrouter.app.support.LiveClient;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;
import java.util.UUID;

import static ai.massrouter.app.support.LiveClient.event;
import static ai.massrouter.app.support.MoneyFixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The balance tells a client the server's low-balance threshold ({@code MASSROUTER_LIVE_LOW_BALANCE}),
 * the very one at which the live {@code balance.low} alert fires: a console warns where the server does.
 */
@TestPropertySource(properties = "massrouter.live.low-balance=25.5")
class LowBalanceThresholdIT extends PlatformIT {

    @Test
    void theBalance_carriesTheConfiguredThreshold_atWhichTheLiveAlertFires() {
        String token = fundedUser("threshold", "25.55").token();

        JsonNode balance = balance(api, token);
        assertThat(balance.path("low_balance_threshold").decimalValue()).isEqualByComparingTo("25.5");
        // in the currency's usual places, like the amounts beside it
        assertThat(api.get("/api/v1/billing/balance", token).raw()).contains("\"low_balance_threshold\":25.50");
        assertThat(balance.path("currency").asText()).isEqualTo("CNY");

        try (LiveClient live = LiveClient.connect(port, token)) {
            assertThat(live.next(5000)).as("the auth answer").isNotNull();
            live.subscribe("system.alerts");
            live.drain(300);
            // mock/echo costs 1.00 per million prompt tokens: 100,000 cost 0.10, from 25.55 to 25.45
            Response charged = api.post("/api/v1/billing/usage", Map.of("request_id", "threshold-" + UUID.randomUUID(),
                    "model", "mock/echo", "prompt_tokens", 100_000, "completion_tokens", 0), token);
            assertThat(charged.status()).as(charged.toString()).isEqualTo(200);
            JsonNode low = live.next(event("balance.low"), 10_000);
            assertThat(low).as("a balance.low alert").isNotNull();
            assertThat(low.path("data").path("threshold").decimalValue())
                    .isEqualByComparingTo(balance.path("low_balance_threshold").decimalValue());
            assertThat(low.path("data").path("total").decimalValue()).isEqualByComparingTo("25.45");
        }
    }
}
