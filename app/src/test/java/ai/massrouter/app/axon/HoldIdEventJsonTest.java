package ai.massrouter.app.axon;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.CallTimings;
import ai.massrouter.api.account.HoldId;
import ai.massrouter.api.account.HoldReleasedEvent;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static ai.massrouter.app.axon.TypedIdsEventJsonTest.assertStoredAs;
import static ai.massrouter.app.axon.TypedIdsEventJsonTest.money;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds are named by a {@link HoldId}, not a String. The stored events must not see it: each is
 * written to exactly the JSON of its String version, and that JSON reads back into the typed event.
 * ({@code FundsHeldEvent} is pinned in {@link TypedIdsEventJsonTest}.)
 */
class HoldIdEventJsonTest {

    private static final AccountId ACCOUNT = AccountId.of("acc_1");
    private static final UserId USER = UserId.of("usr_1");
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void holdReleased_namesItsHoldByTheBareString() {
        HoldReleasedEvent event = new HoldReleasedEvent(ACCOUNT, USER, HoldId.of("chatcmpl-1"), Money.of(1, "CNY"),
                "upstream 503", Money.of(0, "CNY"), AT);

        assertStoredAs(event, "1", "{\"accountId\":\"acc_1\",\"userId\":\"usr_1\",\"holdId\":\"chatcmpl-1\","
                + money("amount", 1) + ",\"reason\":\"upstream 503\"," + money("heldAfter", 0)
                + ",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void holdSettled_writesItsHoldAsTheStringIdVersionDid() {
        ModelPricing pricing = new ModelPricing(Money.of(2, "CNY"), Money.of(8, "CNY"), Money.of(1, "CNY"));
        UsageDetails usage = new UsageDetails(USER, ApiKeyId.of("key_1"), ModelId.of("openai/gpt-4o"), "openai", "chat", 1200, 300,
                pricing, 1000L, 200L, new CallTimings(412L, 2310L));
        Money one = Money.of(1, "CNY");
        HoldSettledEvent event = new HoldSettledEvent(ACCOUNT, USER, HoldId.of("chatcmpl-1"), usage, Money.of(2, "CNY"),
                one, one, Money.of(0, "CNY"), Money.of(29, "CNY"), Money.of(0, "CNY"), AT);
        StringIdHoldSettled before = new StringIdHoldSettled(ACCOUNT, USER, "chatcmpl-1",
                new TypedIdsEventJsonTest.StringIdUsage(USER, "key_1", "openai/gpt-4o", "openai", "chat", 1200, 300,
                        pricing, 1000L, 200L, new CallTimings(412L, 2310L)),
                event.held(), one, one, event.uncollected(), event.balanceAfter(), event.heldAfter(), AT);

        String json = TypedIdsEventJsonTest.EVENTS.serialize(before, String.class).getData();
        assertThat(json).contains("\"holdId\":\"chatcmpl-1\"");
        assertStoredAs(event, "1", json);
    }

    /** The shape of before the typed ids, component for component. */
    record StringIdHoldSettled(AccountId accountId, UserId userId, String holdId,
                               TypedIdsEventJsonTest.StringIdUsage usage, Money held, Money charged, Money released,
                               Money uncollected, Money balanceAfter, Money heldAfter, Instant at) {
    }
}
