package ai.massrouter.api.generation;

import ai.massrouter.api.common.Money;

import java.time.Instant;
import java.util.List;

/** A gateway call as {@code GET /api/v1/generations/{id}} shows it, with the ledger entries named by its id. */
public record GenerationView(GenerationId generationId, String userId, String apiKeyId, String endpoint,
                             String modelId, String provider, List<String> fallbacks, long promptTokens,
                             long completionTokens, long cachedPromptTokens, long reasoningTokens, Money cost,
                             Money charged, Long timeToFirstTokenMillis, long latencyMillis, boolean streamed,
                             GenerationOutcome outcome, String failure, Instant startedAt, Instant finishedAt,
                             List<LedgerEntry> ledgerEntries) {

    /** One movement of the call's money: {@code hold}, {@code settle}, {@code release} or {@code refund}. */
    public record LedgerEntry(String kind, Money amount, Instant at) {
    }
}
