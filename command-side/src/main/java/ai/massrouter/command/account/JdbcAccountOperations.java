package ai.massrouter.command.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.MovementKind;
import ai.massrouter.api.account.OperationId;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.common.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
public class JdbcAccountOperations implements AccountOperations {

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
    public Map<OperationId, AccountOperationResult> findAll(AccountId accountId,
                                                           Collection<OperationId> operationIds) {
        Map<OperationId, AccountOperationResult> found = new HashMap<>();
        if (operationIds.isEmpty()) {
            return found;
        }
        OperationOrigin origin = operationIds.iterator().next().origin();
        if (operationIds.stream().anyMatch(id -> id.origin() != origin)) {
            throw new IllegalArgumentException("findAll takes ids of one origin");
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT * FROM account_operation WHERE account_id = ? AND origin = ? AND operation_id = ANY (?)");
            statement.setString(1, accountId.value());
            statement.setString(2, origin.code());
            statement.setArray(3, connection.createArrayOf("varchar",
                    operationIds.stream().map(OperationId::id).toArray()));
            return statement;
        }, RESULT).forEach(r -> found.put(r.operationId(), r));
        return found;
    }

    @Override
    public void recordAll(AccountId accountId, List<AccountOperationResult> results) {
        if (results.isEmpty()) {
            return;
        }
        int[] inserted = jdbc.batchUpdate("""
                INSERT INTO account_operation (account_id, origin, operation_id, kind, amount_nanos, balance_after_nanos,
                    held_after_nanos, currency, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account_id, origin, operation_id) DO NOTHING""", results, results.size(), (ps, r) -> {
            ps.setString(1, accountId.value());
            ps.setString(2, r.operationId().origin().code());
            ps.setString(3, r.operationId().id());
            ps.setString(4, r.kind().code());
            ps.setLong(5, r.amount().nanos());
            ps.setLong(6, r.balanceAfter().nanos());
            ps.setLong(7, r.heldAfter().nanos());
            ps.setString(8, r.amount().currency());
            ps.setTimestamp(9, Timestamp.from(r.at()));
        })[0];
        for (int count : inserted) {
            if (count == 0) {
                throw new ConcurrentOperationException("An operation of account " + accountId
                        + " was recorded concurrently; retrying");
            }
        }
    }
}
