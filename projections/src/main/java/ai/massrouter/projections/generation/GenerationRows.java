package ai.massrouter.projections.generation;

import ai.massrouter.api.common.Unnest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/** The calls and ledger entries of one batch of events: one insert-if-absent per table. */
final class GenerationRows {

    private static final List<String> GENERATIONS = List.of("text", "text", "text", "text", "text", "text", "text",
            "bigint", "bigint", "bigint", "bigint", "bigint", "bigint", "text", "bigint", "bigint", "boolean", "text",
            "text", "timestamptz", "timestamptz");
    private static final List<String> ENTRIES = List.of("text", "text", "text", "text", "bigint", "text",
            "timestamptz");

    private final List<Object[]> generations = new ArrayList<>();
    private final List<Object[]> entries = new ArrayList<>();

    void generation(Object... row) {
        generations.add(row);
    }

    void entry(Object... row) {
        entries.add(row);
    }

    void write(JdbcTemplate jdbc) {
        if (!generations.isEmpty()) {
            jdbc.update("INSERT INTO generations_view (generation_id, user_id, api_key_id, endpoint, model_id, provider, "
                    + "fallbacks, prompt_tokens, completion_tokens, cached_prompt_tokens, reasoning_tokens, cost_nanos, "
                    + "charged_nanos, currency, ttft_ms, latency_ms, streamed, outcome, failure, started_at, finished_at) "
                    + "SELECT * FROM " + Unnest.of(GENERATIONS) + " ON CONFLICT DO NOTHING",
                    Unnest.columns(GENERATIONS, generations));
        }
        if (!entries.isEmpty()) {
            jdbc.update("INSERT INTO generation_ledger_entries_view (account_id, hold_id, entry_id, kind, amount_nanos, "
                    + "currency, at) SELECT * FROM " + Unnest.of(ENTRIES) + " ON CONFLICT DO NOTHING",
                    Unnest.columns(ENTRIES, entries));
        }
    }
}
