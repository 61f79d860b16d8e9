package ai.massrouter.projections.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.FindStaleHoldsQuery;
import ai.massrouter.api.account.HoldId;
import ai.massrouter.api.account.StaleHoldsView;
import ai.massrouter.api.common.Money;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static ai.massrouter.projections.common.Sql.instant;
import static ai.massrouter.projections.common.Sql.ts;

/** Reads of the open holds ({@link OpenHoldProjection}): the ones held too long, for the sweeper. */
@Component
public class OpenHoldQueries {

    private final JdbcTemplate jdbc;

    public OpenHoldQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public StaleHoldsView staleHolds(FindStaleHoldsQuery query) {
        return new StaleHoldsView(jdbc.query("""
                SELECT * FROM open_holds_view WHERE held_at < ? ORDER BY held_at LIMIT ?""",
                (rs, i) -> new StaleHoldsView.Hold(AccountId.of(rs.getString("account_id")), HoldId.of(rs.getString("hold_id")),
                        new Money(rs.getLong("amount_nanos"), rs.getString("currency")), instant(rs, "held_at")),
                ts(query.heldBefore()), query.limit()));
    }
}
