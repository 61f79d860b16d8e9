package ai.massrouter.command.generation;

import ai.massrouter.api.generation.GenerationId;
import ai.massrouter.api.generation.GenerationRecordedEvent;
import ai.massrouter.api.generation.RecordGenerationCommand;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The record of one gateway call: written once, when the call ended, and never changed. Its id
 * is the request id, so the event store's (aggregate, sequence) key makes a second record of the
 * same call fail instead of doubling it. Not cached: nothing ever loads it again.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class GenerationAggregate {

    @AggregateIdentifier
    private GenerationId generationId;

    protected GenerationAggregate() {
    }

    @CommandHandler
    public GenerationAggregate(RecordGenerationCommand c) {
        apply(new GenerationRecordedEvent(c.generationId(), c.userId(), c.apiKeyId(), c.endpoint(), c.modelId(),
                c.provider(), c.fallbacks(), c.promptTokens(), c.completionTokens(), c.cachedPromptTokens(),
                c.reasoningTokens(), c.cost(), c.charged(), c.timeToFirstTokenMillis(), c.latencyMillis(),
                c.streamed(), c.outcome(), c.failure(), c.startedAt(), c.finishedAt()));
    }

    @EventSourcingHandler
    void on(GenerationRecordedEvent e) {
        generationId = e.generationId();
    }
}
