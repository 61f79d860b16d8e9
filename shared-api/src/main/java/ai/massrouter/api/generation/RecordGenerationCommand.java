package ai.massrouter.api.generation;

import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.user.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Records what a gateway call did, once it ended (see {@link GenerationRecordedEvent}). Sent by
 * the gateway after the call's hold was settled or released; the money itself moved there.
 */
public record RecordGenerationCommand(@TargetAggregateIdentifier GenerationId generationId, UserId userId,
                                      ApiKeyId apiKeyId, String endpoint, ModelId modelId, String provider,
                                      List<String> fallbacks, long promptTokens, long completionTokens,
                                      long cachedPromptTokens, long reasoningTokens, Money cost, Money charged,
                                      Long timeToFirstTokenMillis, long latencyMillis, boolean streamed,
                                      GenerationOutcome outcome, String failure, Instant startedAt,
                                      Instant finishedAt) {
}
