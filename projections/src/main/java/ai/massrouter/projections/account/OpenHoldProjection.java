package ai.massrouter.projections.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.FindStaleHoldsQuery;
import ai.massrouter.api.account.FundsHeldEvent;
import ai.massrouter.api.account.HoldReleasedEvent;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.account.StaleHoldsView;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static ai.massrouter.projections.common.Sql.instant;
import static ai.massrouter.projections.common.Sql.ts;

/**
 * The holds that are still open. A hold's events come in order (one account, one segment), so
 * insert-if-absent and delete are enough to make a replayed event change nothing.
 */
@Component
@ProcessingGroup(AccountProjection.GROUP)
public class OpenHoldProjection {

    private final JdbcTemplate jdbc;

    public OpenHoldProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FundsHeldEvent e) {
        jdbc.update("""
                INSERT INTO open_holds_view (account_id, hold_id, amount_nanos, currency, api_key_id, held_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", e.accountId().value(), e.holdId(),
                e.amount().nanos(), e.amount().currency(), ApiKeyId.valueOf(e.apiKeyId()), ts(e.at()));
    }

    @EventHandler
    void on(HoldSettledEvent e) {
        closed(e.accountId(), e.holdId());
    }

    @EventHandler
    void on(HoldReleasedEvent e) {
        closed(e.accountId(), e.holdId());
    }

    @QueryHandler
    public StaleHoldsView staleHolds(FindStaleHoldsQuery query) {
        return new StaleHoldsView(jdbc.query("""
                SELECT * FROM open_holds_view WHERE held_at < ? ORDER BY held_at LIMIT ?""",
                (rs, i) -> new StaleHoldsView.Hold(AccountId.of(rs.getString("account_id")), rs.getString("hold_id"),
                        new Money(rs.getLong("amount_nanos"), rs.getString("currency")), instant(rs, "held_at")),
                ts(query.heldBefore()), query.limit()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE open_holds_view");
    }

    private void closed(AccountId accountId, String holdId) {
        jdbc.update("DELETE FROM open_holds_view WHERE account_id = ? AND hold_id = ?", accountId.value(), holdId);
    }
}
