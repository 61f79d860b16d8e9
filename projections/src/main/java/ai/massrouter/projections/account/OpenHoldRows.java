package ai.massrouter.projections.account;

import ai.massrouter.api.common.Unnest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open holds that one batch of events places and closes, written in two statements with the
 * result of applying them one by one (insert if absent, delete): a hold closed in the batch is
 * deleted, and then a hold whose last event in the batch placed it is inserted if absent. A hold
 * placed and closed within one batch is never written.
 */
final class OpenHoldRows {

    private static final List<String> HOLDS = List.of("text", "text", "bigint", "text", "text", "timestamptz");
    private static final List<String> KEYS = List.of("text", "text");

    /** Per hold: the row to insert if absent (null: its last event closed it), and whether to delete first. */
    private final Map<List<String>, Object[]> placed = new LinkedHashMap<>();
    private final Map<List<String>, Boolean> deleted = new LinkedHashMap<>();

    void placed(String accountId, String holdId, long amount, String currency, String apiKeyId, Instant at) {
        List<String> key = List.of(accountId, holdId);
        if (placed.get(key) == null) {
            placed.put(key, new Object[] {accountId, holdId, amount, currency, apiKeyId, at});
        }
    }

    void closed(String accountId, String holdId) {
        List<String> key = List.of(accountId, holdId);
        placed.put(key, null);
        deleted.put(key, true);
    }

    void write(JdbcTemplate jdbc) {
        if (!deleted.isEmpty()) {
            List<Object[]> keys = deleted.keySet().stream().map(k -> (Object[]) k.toArray()).toList();
            jdbc.update("DELETE FROM open_holds_view o USING " + Unnest.of(KEYS) + " AS k (account_id, hold_id) "
                    + "WHERE o.account_id = k.account_id AND o.hold_id = k.hold_id", Unnest.columns(KEYS, keys));
        }
        List<Object[]> rows = placed.values().stream().filter(row -> row != null).toList();
        if (!rows.isEmpty()) {
            jdbc.update("INSERT INTO open_holds_view (account_id, hold_id, amount_nanos, currency, api_key_id, held_at) "
                    + "SELECT * FROM " + Unnest.of(HOLDS) + " ON CONFLICT DO NOTHING", Unnest.columns(HOLDS, rows));
        }
    }
}
