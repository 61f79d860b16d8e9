package ai.massrouter.command.generation;

import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.GenerationId;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.api.generation.GenerationRecordedEvent;
import ai.massrouter.api.generation.RecordGenerationCommand;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.user.UserId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class GenerationAggregateTest {

    private static final GenerationId CALL = GenerationId.of("chatcmpl-1");
    private static final UserId USER = UserId.of("usr_1");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Money COST = new Money(4_800_000, "CNY");

    @Test
    void record_aCallThatFellBackAndWasStreamed_isOneEventWithEverythingTheLookupShows() {
        new AggregateTestFixture<>(GenerationAggregate.class)
                .givenNoPriorActivity()
                .when(new RecordGenerationCommand(CALL, USER, ApiKeyId.of("key_1"), "chat.completions", ModelId.of("openai/gpt-4o"), "openrouter",
                        List.of("openai: openai answered 503"), 1200, 300, 1000, 200, COST, COST, 412L, 2310, true,
                        GenerationOutcome.COMPLETED, null, T0, T0.plusMillis(2310)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new GenerationRecordedEvent(CALL, USER, ApiKeyId.of("key_1"), "chat.completions", ModelId.of("openai/gpt-4o"),
                        "openrouter", List.of("openai: openai answered 503"), 1200, 300, 1000, 200, COST, COST, 412L,
                        2310, true, GenerationOutcome.COMPLETED, null, T0, T0.plusMillis(2310)));
    }
}
