package ai.massrouter.projections.model;

import ai.massrouter.projections.common.Unnest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The calls of one batch of events, written in one statement: inserted under their (account,
 * sequence) if absent, and each model's count grown by the calls that were inserted, so a call
 * seen twice still counts once. The counts are added in model order: two batches (segments)
 * growing the same models lock their rows in one order.
 */
final class ModelCallRows {

    private static final List<String> CALLS = List.of("text", "bigint", "text", "text", "text", "bigint", "bigint",
            "bigint", "text", "timestamptz");

    private final List<Object[]> calls = new ArrayList<>();

    void call(Object... row) {
        calls.add(row);
    }

    void write(JdbcTemplate jdbc) {
        if (calls.isEmpty()) {
            return;
        }
        jdbc.update("WITH inserted AS (INSERT INTO model_calls_view (account_id, sequence_number, model_id, user_id, "
                + "api_key_id, prompt_tokens, completion_tokens, cost_nanos, currency, called_at) SELECT * FROM "
                + Unnest.of(CALLS) + " ON CONFLICT DO NOTHING RETURNING model_id) "
                + "INSERT INTO model_popularity_view AS p (model_id, calls) "
                + "SELECT model_id, count(*) FROM inserted GROUP BY model_id ORDER BY model_id "
                + "ON CONFLICT (model_id) DO UPDATE SET calls = p.calls + EXCLUDED.calls", Unnest.columns(CALLS, calls));
    }
}
