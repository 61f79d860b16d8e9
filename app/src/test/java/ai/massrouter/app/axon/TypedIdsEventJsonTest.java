package ai.massrouter.app.axon;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.CallTimings;
import ai.massrouter.api.account.FundsHeldEvent;
import ai.massrouter.api.account.HoldId;
import ai.massrouter.api.account.OperationId;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.account.PaymentRefundDebitedEvent;
import ai.massrouter.api.account.TopUpCreditedEvent;
import ai.massrouter.api.account.UsageChargedEvent;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.GenerationId;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.api.generation.GenerationRecordedEvent;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids in messages became typed ids (PaymentId, ApiKeyId, ModelId) where they were strings. The
 * event log must not see it: each event below is written by the event serializer to exactly the
 * JSON its string-id version wrote (the literals are that JSON), and that stored JSON reads back
 * into the typed event.
 */
class TypedIdsEventJsonTest {

    static final Serializer EVENTS = new AxonConfig().eventSerializer();
    private static final AccountId ACCOUNT = AccountId.of("acc_1");
    private static final UserId USER = UserId.of("usr_1");
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String WHO = "\"accountId\":\"acc_1\",\"userId\":\"usr_1\"";

    @Test
    void topUpCredited_namesItsPaymentByTheBareString() {
        TopUpCreditedEvent event = new TopUpCreditedEvent(ACCOUNT, USER, OperationId.of(OperationOrigin.TOPUP, "pay_1"),
                PaymentId.of("pay_1"), "alipay", Money.of(30, "CNY"), Money.of(30, "CNY"), AT);

        assertStoredAs(event, "2", "{" + WHO + ",\"operationId\":{\"origin\":\"topup\",\"id\":\"pay_1\"},"
                + "\"paymentId\":\"pay_1\",\"paymentMethod\":\"alipay\"," + money("amount", 30) + ","
                + money("balanceAfter", 30) + ",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void paymentRefundDebited_namesItsPaymentByTheBareString() {
        PaymentRefundDebitedEvent event = new PaymentRefundDebitedEvent(ACCOUNT, USER,
                OperationId.of(OperationOrigin.PAYMENT_REFUND, "pay_1:r1"), PaymentId.of("pay_1"), Money.of(10, "CNY"),
                false, "asked", Money.of(20, "CNY"), AT);

        assertStoredAs(event, "2", "{" + WHO + ",\"operationId\":{\"origin\":\"payment_refund\",\"id\":\"pay_1:r1\"},"
                + "\"paymentId\":\"pay_1\"," + money("amount", 10) + ",\"forced\":false,\"reason\":\"asked\","
                + money("balanceAfter", 20) + ",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void aTopUpThatNamesNoPayment_staysNull() {
        TopUpCreditedEvent event = new TopUpCreditedEvent(ACCOUNT, USER, OperationId.of(OperationOrigin.TOPUP, "x"),
                null, null, Money.of(1, "CNY"), Money.of(1, "CNY"), AT);

        assertStoredAs(event, "2", "{" + WHO + ",\"operationId\":{\"origin\":\"topup\",\"id\":\"x\"},"
                + "\"paymentId\":null,\"paymentMethod\":null," + money("amount", 1) + "," + money("balanceAfter", 1)
                + ",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void fundsHeld_namesItsKeyByTheBareString() {
        FundsHeldEvent event = new FundsHeldEvent(ACCOUNT, USER, HoldId.of("chatcmpl-1"), ApiKeyId.of("key_1"), Money.of(1, "CNY"),
                "chat.completions openai/gpt-4o", Money.of(30, "CNY"), Money.of(1, "CNY"), AT);

        assertStoredAs(event, "1", "{" + WHO + ",\"holdId\":\"chatcmpl-1\",\"apiKeyId\":\"key_1\"," + money("amount", 1)
                + ",\"purpose\":\"chat.completions openai/gpt-4o\"," + money("balance", 30) + ","
                + money("heldAfter", 1) + ",\"at\":\"2026-12-01T10:00:00Z\"}");
    }

    @Test
    void usageCharged_writesItsUsageAsTheStringIdVersionDid() {
        ModelPricing pricing = new ModelPricing(Money.of(2, "CNY"), Money.of(8, "CNY"), Money.of(1, "CNY"));
        UsageChargedEvent event = new UsageChargedEvent(ACCOUNT, USER, OperationId.of(OperationOrigin.USAGE, "req-1"),
                new UsageDetails(USER, ApiKeyId.of("key_1"), ModelId.of("openai/gpt-4o"), "openai", "chat", 1200, 300, pricing,
                        1000L, 200L, new CallTimings(412L, 2310L)),
                Money.of(1, "CNY"), Money.of(29, "CNY"), AT);
        StringIdUsageCharged before = new StringIdUsageCharged(ACCOUNT, USER, event.operationId(),
                new StringIdUsage(USER, "key_1", "openai/gpt-4o", "openai", "chat", 1200, 300, pricing, 1000L, 200L,
                        new CallTimings(412L, 2310L)), event.amount(), event.balanceAfter(), AT);

        assertStoredAs(event, "2", EVENTS.serialize(before, String.class).getData());
    }

    @Test
    void aChargeWithoutKey_staysNull() {
        UsageDetails usage = new UsageDetails(USER, null, ModelId.of("openai/gpt-4o"), "openai", "chat", 1, 2,
                new ModelPricing(Money.of(2, "CNY"), Money.of(8, "CNY")));

        assertThat(EVENTS.serialize(usage, String.class).getData()).contains("\"apiKeyId\":null");
        Object read = EVENTS.deserialize(EVENTS.serialize(usage, String.class));
        assertThat(read).isEqualTo(usage);
    }

    @Test
    void generationRecorded_writesItsKeyAsTheStringIdVersionDid() {
        Money cost = Money.of(1, "CNY");
        GenerationRecordedEvent event = new GenerationRecordedEvent(GenerationId.of("chatcmpl-1"), USER,
                ApiKeyId.of("key_1"), "chat.completions", ModelId.of("openai/gpt-4o"), "openrouter", List.of("openai: 503"), 1200,
                300, 1000, 200, cost, cost, 412L, 2310, true, GenerationOutcome.COMPLETED, null, AT, AT.plusMillis(2310));
        StringIdGenerationRecorded before = new StringIdGenerationRecorded(GenerationId.of("chatcmpl-1"), USER,
                "key_1", "chat.completions", "openai/gpt-4o", "openrouter", List.of("openai: 503"), 1200, 300, 1000,
                200, cost, cost, 412L, 2310, true, GenerationOutcome.COMPLETED, null, AT, AT.plusMillis(2310));

        assertStoredAs(event, "1", EVENTS.serialize(before, String.class).getData());
    }

    /** Written as {@code json}, and {@code json} as stored reads back as the event. */
    static void assertStoredAs(Object event, String revision, String json) {
        assertThat(EVENTS.serialize(event, String.class).getData()).isEqualTo(json);
        Object read = EVENTS.deserialize(new SimpleSerializedObject<>(json, String.class, event.getClass().getName(),
                revision));
        assertThat(read).isEqualTo(event);
    }

    /** The shapes of before the typed ids, component for component. */
    record StringIdUsage(UserId userId, String apiKeyId, String modelId, String provider, String category,
                         long promptTokens, long completionTokens, ModelPricing pricing, Long cachedPromptTokens,
                         Long reasoningTokens, CallTimings timings) {
    }

    record StringIdUsageCharged(AccountId accountId, UserId userId, OperationId operationId, StringIdUsage usage,
                                Money amount, Money balanceAfter, Instant at) {
    }

    record StringIdGenerationRecorded(GenerationId generationId, UserId userId, String apiKeyId, String endpoint,
                                      String modelId, String provider, List<String> fallbacks, long promptTokens,
                                      long completionTokens, long cachedPromptTokens, long reasoningTokens,
                                      Money cost, Money charged, Long timeToFirstTokenMillis, long latencyMillis,
                                      boolean streamed, GenerationOutcome outcome, String failure,
                                      Instant startedAt, Instant finishedAt) {
    }

    static String money(String field, long units) {
        return "\"" + field + "\":{\"nanos\":" + units * Money.NANOS_PER_UNIT + ",\"currency\":\"CNY\"}";
    }
}
