package ai.massrouter.projections.generation;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.FundsHeldEvent;
import ai.massrouter.api.account.HoldReleasedEvent;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.account.UsageRefundedEvent;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.GenerationRecordedEvent;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.projections.common.UnitOfWorkBatch;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

import static ai.massrouter.projections.common.Sql.nanos;

/**
 * The gateway's calls, one row each, and the ledger movements named by their request ids. The
 * call's record and its account's events live in different streams (and segments), so they are kept
 * in two tables joined when asked, whichever arrives first. Every write is an insert-if-absent of
 * absolute values: an event seen twice changes nothing. A batch of events is written in one
 * statement per table ({@link GenerationRows}).
 */
@Component
@ProcessingGroup(GenerationProjection.GROUP)
public class GenerationProjection {

    public static final String GROUP = "generations";
    static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public GenerationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GenerationRecordedEvent e) throws JsonProcessingException {
        String fallbacks = JSON.writeValueAsString(e.fallbacks());
        rows(rows -> rows.generation(e.generationId().value(), e.userId().value(), ApiKeyId.valueOf(e.apiKeyId()),
                e.endpoint(), ModelId.valueOf(e.modelId()), e.provider(), fallbacks, e.promptTokens(), e.completionTokens(),
                e.cachedPromptTokens(), e.reasoningTokens(), e.cost().nanos(), nanos(e.charged()),
                e.cost().currency(), e.timeToFirstTokenMillis(), e.latencyMillis(), e.streamed(),
                e.outcome().name(), e.failure(), e.startedAt(), e.finishedAt()));
    }

    @EventHandler
    void on(FundsHeldEvent e) {
        entry(e.accountId(), e.holdId().value(), "hold", "hold", e.amount(), e.at());
    }

    @EventHandler
    void on(HoldSettledEvent e) {
        entry(e.accountId(), e.holdId().value(), "settle", "settle", e.charged(), e.at());
    }

    @EventHandler
    void on(HoldReleasedEvent e) {
        entry(e.accountId(), e.holdId().value(), "release", "release", e.amount(), e.at());
    }

    /** A refund of a gateway call's charge names the call's settlement; refunds of metered usage are not calls. */
    @EventHandler
    void on(UsageRefundedEvent e) {
        if (e.chargeOperationId().origin() == OperationOrigin.SETTLEMENT) {
            entry(e.accountId(), e.chargeOperationId().id(), e.operationId().toString(), "refund", e.amount(), e.at());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE generations_view, generation_ledger_entries_view");
    }

    private void entry(AccountId account, String holdId, String entryId, String kind, Money amount, Instant at) {
        rows(rows -> rows.entry(account.value(), holdId, entryId, kind, amount.nanos(), amount.currency(), at));
    }

    private void rows(Consumer<GenerationRows> change) {
        UnitOfWorkBatch.add(GenerationRows.class.getName(), GenerationRows::new, rows -> rows.write(jdbc), change);
    }
}
