package ai.massrouter.command.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.MovementKind;
import ai.massrouter.api.account.OperationId;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.Unnest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
public class JdbcAccountOperations implements AccountOperations {

    /** account, origin, id, kind, amount, balance after, held after, currency, at */
    private static final List<String> OPERATION_COLUMNS = List.of("text", "text", "text", "text", "bigint", "bigint",
            "bigint", "text", "timestamptz");

    private static final RowMapper<AccountOperationResult> RESULT = (rs, i) -> {
        String currency = rs.getString("currency");
        return new AccountOperationResult(new OperationId(OperationOrigin.ofCode(rs.getString("origin")),
                rs.getString("operation_id")), MovementKind.ofCode(rs.getString("kind")),
                new Money(rs.getLong("amount_nanos"), currency), new Money(rs.getLong("balance_after_nanos"), currency),
                new Money(rs.getLong("held_after_nanos"), currency), rs.getTimestamp("at").toInstant(), false);
    };

    private final JdbcTemplate jdbc;

    public JdbcAccountOperations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AccountOperationResult> find(AccountId accountId, OperationId operationId) {
        return jdbc.query("SELECT * FROM account_operation WHERE account_id = ? AND origin = ? AND operation_id = ?",
                RESULT, accountId.value(), operationId.origin().code(), operationId.id()).stream().findFirst();
    }

    @Override
    public Map<AccountId, Map<OperationId, AccountOperationResult>> findAll(
            Map<AccountId, ? extends Collection<OperationId>> operationIds) {
        Map<AccountId, Map<OperationId, AccountOperationResult>> found = new HashMap<>();
        List<String> accounts = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (var entry : operationIds.entrySet()) {
            for (OperationId id : entry.getValue()) {
                accounts.add(entry.getKey().value());
                origins.add(id.origin().code());
                ids.add(id.id());
            }
        }
        if (ids.isEmpty()) {
            return found;
        }
        // one primary-key probe per id: OFFSET 0 keeps the planner from joining against a scan of
        // the table, which it picks when its statistics are older than the table's growth
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT o.* FROM unnest(?::varchar[], ?::varchar[], ?::varchar[]) AS k (account_id, origin, operation_id)
                    CROSS JOIN LATERAL (SELECT * FROM account_operation a WHERE a.account_id = k.account_id
                                        AND a.origin = k.origin AND a.operation_id = k.operation_id OFFSET 0) o""");
            statement.setArray(1, connection.createArrayOf("varchar", accounts.toArray()));
            statement.setArray(2, connection.createArrayOf("varchar", origins.toArray()));
            statement.setArray(3, connection.createArrayOf("varchar", ids.toArray()));
            return statement;
        }, (rs, i) -> {
            found.computeIfAbsent(AccountId.of(rs.getString("account_id")), a -> new HashMap<>())
                    .put(new OperationId(OperationOrigin.ofCode(rs.getString("origin")), rs.getString("operation_id")),
                            RESULT.mapRow(rs, i));
            return null;
        });
        return found;
    }

    @Override
    public void recordAll(Map<AccountId, List<AccountOperationResult>> results) {
        List<Map.Entry<AccountId, AccountOperationResult>> rows = new ArrayList<>();
        results.forEach((account, list) -> list.forEach(r -> rows.add(Map.entry(account, r))));
        if (rows.isEmpty()) {
            return;
        }
        // one statement for the whole group (a batch of one-row inserts was one execution per row);
        // a row that another transaction recorded first is skipped, and then fewer rows were inserted
        List<Object[]> values = rows.stream().map(row -> {
            AccountOperationResult r = row.getValue();
            return new Object[]{row.getKey().value(), r.operationId().origin().code(), r.operationId().id(),
                    r.kind().code(), r.amount().nanos(), r.balanceAfter().nanos(), r.heldAfter().nanos(),
                    r.amount().currency(), r.at()};
        }).toList();
        int inserted = jdbc.update("""
                INSERT INTO account_operation (account_id, origin, operation_id, kind, amount_nanos,
                    balance_after_nanos, held_after_nanos, currency, at)
                SELECT * FROM %s
                ON CONFLICT (account_id, origin, operation_id) DO NOTHING""".formatted(Unnest.of(OPERATION_COLUMNS)),
                Unnest.columns(OPERATION_COLUMNS, values));
        if (inserted != rows.size()) {
            throw new ConcurrentOperationException("An operation of " + results.keySet()
                    + " was recorded concurrently; retrying");
        }
    }
}
