package ai.massrouter.projections.account;

import ai.massrouter.api.account.BalanceView;
import ai.massrouter.api.account.FindBalanceQuery;
import ai.massrouter.api.account.FindTransactionsQuery;
import ai.massrouter.api.account.TransactionPageView;
import ai.massrouter.api.account.TransactionType;
import ai.massrouter.api.account.TransactionView;
import ai.massrouter.api.common.Money;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static ai.massrouter.projections.common.Sql.instant;
import static ai.massrouter.projections.common.Sql.ts;

/** Answers from the ledger's read models (see {@link AccountProjection}). */
@Component
public class AccountQueries {

    private static final RowMapper<TransactionView> TRANSACTION = (rs, i) -> {
        String currency = rs.getString("currency");
        return new TransactionView(rs.getString("transaction_id"), TransactionType.valueOf(rs.getString("type")),
                new Money(rs.getLong("amount_nanos"), currency), new Money(rs.getLong("balance_after_nanos"), currency),
                rs.getString("operation_id"), rs.getString("description"), rs.getString("model_id"),
                rs.getString("api_key_id"), (Long) rs.getObject("prompt_tokens"),
                (Long) rs.getObject("completion_tokens"), instant(rs, "created_at"));
    };

    private final JdbcTemplate jdbc;

    public AccountQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Null when the account is not (yet) in the read model. */
    @QueryHandler
    public BalanceView balance(FindBalanceQuery query) {
        return jdbc.query("SELECT * FROM account_balances_view WHERE account_id = ?", (rs, i) -> {
            String currency = rs.getString("currency");
            return new BalanceView(rs.getString("account_id"), rs.getString("user_id"),
                    new Money(rs.getLong("balance_nanos"), currency), new Money(rs.getLong("held_nanos"), currency),
                    instant(rs, "updated_at"));
        }, query.accountId().value()).stream().findFirst().orElse(null);
    }

    @QueryHandler
    public TransactionPageView transactions(FindTransactionsQuery query) {
        StringBuilder where = new StringBuilder(" WHERE account_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.accountId().value()));
        if (query.from() != null) {
            where.append(" AND created_at >= ?");
            args.add(ts(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND created_at < ?");
            args.add(ts(query.to()));
        }
        if (query.type() != null) {
            where.append(" AND type = ?");
            args.add(query.type().name());
        }
        if (query.requestId() != null) {
            where.append(" AND operation_id = ?");
            args.add(query.requestId());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM account_transactions_view" + where, Long.class,
                args.toArray());
        args.add(query.page().limit());
        args.add(query.page().offset());
        List<TransactionView> items = jdbc.query("SELECT * FROM account_transactions_view" + where
                + " ORDER BY created_at DESC, sequence_number DESC LIMIT ? OFFSET ?", TRANSACTION, args.toArray());
        return new TransactionPageView(items, query.page().page(), query.page().limit(), total == null ? 0 : total);
    }
}
