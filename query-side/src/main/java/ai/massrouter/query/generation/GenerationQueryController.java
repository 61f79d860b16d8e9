package ai.massrouter.query.generation;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.generation.FindGenerationQuery;
import ai.massrouter.api.generation.GenerationId;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.api.generation.GenerationView;
import ai.massrouter.query.common.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One gateway call by its request id (the response's {@code id}, {@code X-Request-Id}), for the user
 * who made it (administrators see every call). Another user's call is "not found": its existence is
 * nobody else's business. The record is written just after the answer, so a short wait is worth it.
 */
@RestController
public class GenerationQueryController {

    private static final int MAX_ID_LENGTH = 128;

    private final ReadYourWrites reads;

    public GenerationQueryController(ReadYourWrites reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/generations/{requestId}")
    public Generation generation(Caller caller, @PathVariable String requestId) {
        if (requestId.length() > MAX_ID_LENGTH) {
            throw DomainException.notFound("Generation " + requestId.substring(0, MAX_ID_LENGTH));
        }
        return reads.awaitPresent(new FindGenerationQuery(GenerationId.of(requestId)), GenerationView.class)
                .filter(g -> caller.isAdmin() || g.userId().equals(caller.userId().value()))
                .map(Generation::of)
                .orElseThrow(() -> DomainException.notFound("Generation " + requestId));
    }

    public record Tokens(long promptTokens, long completionTokens, long totalTokens, long cachedPromptTokens,
                         long reasoningTokens) {
    }

    public record LedgerEntry(String kind, BigDecimal amount, String currency, Instant at) {
    }

    /**
     * {@code cost}: the usage at the call's prices; {@code charged}: what the ledger took (less when part
     * could not be collected; null when the settlement failed). Times in milliseconds.
     */
    public record Generation(String id, String endpoint, String model, String provider, List<String> fallbacks,
                             Tokens usage, BigDecimal cost, BigDecimal charged, String currency,
                             Long timeToFirstTokenMs, long latencyMs, boolean streamed, boolean cancelled,
                             String outcome, String failure, String apiKeyId, Instant createdAt, Instant finishedAt,
                             List<LedgerEntry> ledgerEntries) {

        static Generation of(GenerationView g) {
            return new Generation(g.generationId().value(), g.endpoint(), g.modelId(), g.provider(), g.fallbacks(),
                    new Tokens(g.promptTokens(), g.completionTokens(), g.promptTokens() + g.completionTokens(),
                            g.cachedPromptTokens(), g.reasoningTokens()),
                    g.cost().toDecimal(), g.charged() == null ? null : g.charged().toDecimal(), g.cost().currency(),
                    g.timeToFirstTokenMillis(), g.latencyMillis(), g.streamed(),
                    g.outcome() == GenerationOutcome.CANCELLED, g.outcome().wireName(), g.failure(), g.apiKeyId(),
                    g.startedAt(), g.finishedAt(), g.ledgerEntries().stream().map(e -> new LedgerEntry(e.kind(),
                            e.amount().toDecimal(), e.amount().currency(), e.at())).toList());
        }
    }
}
