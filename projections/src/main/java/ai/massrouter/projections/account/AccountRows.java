package ai.massrouter.projections.account;

import ai.massrouter.api.common.Unnest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account rows that one batch of events changes, written in three statements: the accounts
 * opened, then each account's balance row once (its last balance and its last hold amount, each
 * with the sequence of the event that set it), then the transactions. The result equals applying
 * the events one by one: a balance or hold amount is taken only from an event newer than the row's
 * {@code last_sequence}, and a transaction is inserted only if its (account, sequence) is absent.
 */
final class AccountRows {

    private static final List<String> OPENED = List.of("text", "text", "text", "bigint", "timestamptz");
    private static final List<String> BALANCES = List.of("text", "bigint", "timestamptz", "bigint", "bigint",
            "bigint", "bigint");
    static final List<String> TRANSACTIONS = List.of("text", "bigint", "text", "text", "text", "bigint", "bigint",
            "text", "text", "text", "text", "text", "bigint", "bigint", "timestamptz");

    private final List<Object[]> opened = new ArrayList<>();
    private final Map<String, Object[]> balances = new LinkedHashMap<>();
    private final List<Object[]> transactions = new ArrayList<>();

    void opened(String accountId, String userId, String currency, long sequence, Instant at) {
        opened.add(new Object[] {accountId, userId, currency, sequence, at});
    }

    /** An event that sets the balance and/or the amount held (null: unchanged). */
    void balance(String accountId, long sequence, Instant at, Long balance, Long held) {
        Object[] row = balances.computeIfAbsent(accountId, a -> new Object[] {a, null, null, null, null, null, null});
        if ((Long) row[1] == null || (Long) row[1] < sequence) {
            row[1] = sequence;
            row[2] = at;
        }
        if (balance != null && (row[4] == null || (Long) row[4] < sequence)) {
            row[3] = balance;
            row[4] = sequence;
        }
        if (held != null && (row[6] == null || (Long) row[6] < sequence)) {
            row[5] = held;
            row[6] = sequence;
        }
    }

    void transaction(Object... row) {
        transactions.add(row);
    }

    void write(JdbcTemplate jdbc) {
        if (!opened.isEmpty()) {
            jdbc.update("INSERT INTO account_balances_view (account_id, user_id, currency, balance_nanos, held_nanos, "
                    + "last_sequence, updated_at) SELECT a, u, c, 0, 0, s, t FROM " + Unnest.of(OPENED)
                    + " AS v (a, u, c, s, t) ON CONFLICT (account_id) DO NOTHING", Unnest.columns(OPENED, opened));
        }
        if (!balances.isEmpty()) {
            // ordered by account: two batches (segments) touching the same rows lock them in one order
            List<Object[]> rows = balances.values().stream().sorted((a, b) -> ((String) a[0]).compareTo((String) b[0]))
                    .toList();
            jdbc.update("""
                    UPDATE account_balances_view s SET
                        balance_nanos = CASE WHEN v.balance_seq > s.last_sequence THEN v.balance ELSE s.balance_nanos END,
                        held_nanos = CASE WHEN v.held_seq > s.last_sequence THEN v.held ELSE s.held_nanos END,
                        last_sequence = v.seq, updated_at = v.at
                    FROM\s""" + Unnest.of(BALANCES) + """
                     AS v (account_id, seq, at, balance, balance_seq, held, held_seq)
                    WHERE s.account_id = v.account_id AND s.last_sequence < v.seq""", Unnest.columns(BALANCES, rows));
        }
        if (!transactions.isEmpty()) {
            jdbc.update("INSERT INTO account_transactions_view (account_id, sequence_number, transaction_id, user_id, "
                    + "type, amount_nanos, balance_after_nanos, currency, operation_id, description, model_id, "
                    + "api_key_id, prompt_tokens, completion_tokens, created_at) SELECT * FROM "
                    + Unnest.of(TRANSACTIONS) + " ON CONFLICT DO NOTHING", Unnest.columns(TRANSACTIONS, transactions));
        }
    }
}
