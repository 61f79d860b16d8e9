package ai.massrouter.projections.model;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The calls of one batch of events, counted in one statement: a call counts only if its sequence
 * is above its account's last counted one ({@code model_calls_applied}), which then moves up, so a
 * call handed again (a replay, a segment that moved between nodes) still counts once. The counts
 * are added in model order: two batches (segments) growing the same models lock their rows in one
 * order; they never share an account.
 */
final class ModelCallRows {

    private final List<String> accounts = new ArrayList<>();
    private final List<Long> sequences = new ArrayList<>();
    private final List<String> models = new ArrayList<>();

    void call(String accountId, long sequence, String modelId) {
        accounts.add(accountId);
        sequences.add(sequence);
        models.add(modelId);
    }

    void write(JdbcTemplate jdbc) {
        if (accounts.isEmpty()) {
            return;
        }
        jdbc.update("""
                WITH calls AS (
                    SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[]) AS c (account_id, sequence_number, model_id)),
                counted AS (
                    SELECT c.* FROM calls c LEFT JOIN model_calls_applied a ON a.account_id = c.account_id
                    WHERE a.last_sequence IS NULL OR c.sequence_number > a.last_sequence),
                moved AS (
                    INSERT INTO model_calls_applied AS a (account_id, last_sequence)
                    SELECT account_id, max(sequence_number) FROM counted GROUP BY account_id
                    ON CONFLICT (account_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence
                    WHERE a.last_sequence < EXCLUDED.last_sequence)
                INSERT INTO model_popularity_view AS p (model_id, calls)
                SELECT model_id, count(*) FROM counted GROUP BY model_id ORDER BY model_id
                ON CONFLICT (model_id) DO UPDATE SET calls = p.calls + EXCLUDED.calls""",
                accounts.toArray(String[]::new), sequences.toArray(Long[]::new), models.toArray(String[]::new));
    }
}
