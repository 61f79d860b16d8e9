package ai.massrouter.app.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.HoldId;
import ai.massrouter.api.account.PlaceHoldCommand;
import ai.massrouter.api.account.SettleHoldCommand;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.user.UserId;
import ai.massrouter.app.support.PlatformIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static ai.massrouter.app.support.MoneyFixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hold whose call never finished (its node died between hold and settlement) is given back by
 * the sweep; a settled one is left alone. The holds are placed the way the gateway places them,
 * through the command bus of the running application, as if the HTTP call had then been lost.
 */
@TestPropertySource(properties = {"massrouter.holds.max-age=PT2S", "massrouter.holds.sweep-interval=PT0.5S"})
class StaleHoldIT extends PlatformIT {

    @Autowired
    CommandGateway commands;

    @Test
    void holdNeverSettled_isReleasedByTheSweep_andASettledOneIsLeftAlone() {
        User user = fundedUser("stale", "10.00");
        String userId = user.id();
        String token = user.token();
        AccountId account = user.account();
        Money cny = Money.of(1, "CNY");

        commands.sendAndWait(new PlaceHoldCommand(account, HoldId.of("chatcmpl-lost"), money("3.00"), null, SpendLimits.NONE,
                "chat.completions mock/echo", Instant.now()));
        commands.sendAndWait(new PlaceHoldCommand(account, HoldId.of("chatcmpl-done"), money("2.00"), null, SpendLimits.NONE,
                "chat.completions mock/echo", Instant.now()));
        commands.sendAndWait(new SettleHoldCommand(account, HoldId.of("chatcmpl-done"), new UsageDetails(UserId.of(userId), null,
                ModelId.of("mock/echo"), "mock", "chat", 1_000_000, 0, new ModelPricing(cny, cny)), money("1.00"), Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(balance(api, token).path("on_hold").decimalValue()).isEqualByComparingTo("3.00"));

        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode balance = balance(api, token);
            assertThat(balance.path("on_hold").decimalValue()).isEqualByComparingTo("0");
            assertThat(balance.path("available").decimalValue()).isEqualByComparingTo("9.00");
        });
        String events = api.get("/api/v1/admin/audit/accounts/" + userId + "/events?limit=100", adminToken()).raw();
        assertThat(events).contains("HoldReleasedEvent").contains("not settled within PT2S");
        assertThat(events.split("HoldReleasedEvent", -1)).hasSize(2); // released once, the settled hold untouched
        assertLedgerReconciled();
    }

    private static Money money(String amount) {
        return Money.ofDecimal(new BigDecimal(amount), "CNY");
    }
}
