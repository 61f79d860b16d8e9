package ai.massrouter.projections.generation;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.FindGenerationQuery;
import ai.massrouter.api.generation.GenerationId;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.api.generation.GenerationView;
import ai.massrouter.api.user.UserId;
import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static ai.massrouter.projections.common.Sql.instant;
import static ai.massrouter.projections.common.Sql.money;

/** Answers from {@code generations_view} and its ledger entries (see {@link GenerationProjection}). */
@Component
public class GenerationQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public GenerationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Null when the call is not (yet) in the read model. Entries are the caller's account's only. */
    @QueryHandler
    public GenerationView generation(FindGenerationQuery query) {
        return jdbc.query("SELECT * FROM generations_view WHERE generation_id = ?", (rs, i) -> {
            String currency = rs.getString("currency");
            String userId = rs.getString("user_id");
            long ttft = rs.getLong("ttft_ms");
            Long timeToFirstToken = rs.wasNull() ? null : ttft;
            return new GenerationView(GenerationId.of(rs.getString("generation_id")), userId,
                    rs.getString("api_key_id"), rs.getString("endpoint"), rs.getString("model_id"),
                    rs.getString("provider"), fallbacks(rs.getString("fallbacks")), rs.getLong("prompt_tokens"),
                    rs.getLong("completion_tokens"), rs.getLong("cached_prompt_tokens"), rs.getLong("reasoning_tokens"),
                    new Money(rs.getLong("cost_nanos"), currency), money(rs, "charged_nanos", currency),
                    timeToFirstToken, rs.getLong("latency_ms"), rs.getBoolean("streamed"),
                    GenerationOutcome.valueOf(rs.getString("outcome")), rs.getString("failure"),
                    instant(rs, "started_at"), instant(rs, "finished_at"),
                    entries(AccountId.forUser(UserId.of(userId)), rs.getString("generation_id")));
        }, query.generationId().value()).stream().findFirst().orElse(null);
    }

    private List<GenerationView.LedgerEntry> entries(AccountId account, String holdId) {
        return jdbc.query("""
                SELECT kind, amount_nanos, currency, at FROM generation_ledger_entries_view
                WHERE account_id = ? AND hold_id = ? ORDER BY at, kind""",
                (rs, i) -> new GenerationView.LedgerEntry(rs.getString("kind"),
                        new Money(rs.getLong("amount_nanos"), rs.getString("currency")), instant(rs, "at")),
                account.value(), holdId);
    }

    private static List<String> fallbacks(String json) {
        try {
            return GenerationProjection.JSON.readValue(json, STRINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
