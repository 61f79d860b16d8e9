package ai.massrouter.api.generation;

import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.user.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * One gateway call as it happened: who called ({@code userId}, {@code apiKeyId}), the endpoint
 * ({@code chat.completions}, {@code embeddings}), the catalog model, the provider that answered
 * (null when none did) and the failures of the routes tried before it ({@code fallbacks}, in
 * order), the tokens and the cost at the call's prices ({@code charged}: what the ledger took, null
 * when the settlement failed), time to first token (streams) and total latency in milliseconds,
 * and how it ended. The money moved in the account's own events, named by the same request id.
 */
@Revision("1")
public record GenerationRecordedEvent(GenerationId generationId, UserId userId, ApiKeyId apiKeyId, String endpoint,
                                      ModelId modelId, String provider, List<String> fallbacks, long promptTokens,
                                      long completionTokens, long cachedPromptTokens, long reasoningTokens,
                                      Money cost, Money charged, Long timeToFirstTokenMillis, long latencyMillis,
                                      boolean streamed, GenerationOutcome outcome, String failure,
                                      Instant startedAt, Instant finishedAt) {
}
