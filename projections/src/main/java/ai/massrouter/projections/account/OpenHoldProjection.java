package ai.massrouter.projections.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.FundsHeldEvent;
import ai.massrouter.api.account.HoldReleasedEvent;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.projections.common.UnitOfWorkBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * The holds that are still open. A hold's events come in order (one account, one segment), so
 * insert-if-absent and delete are enough to make a replayed event change nothing. A batch of events
 * is written in two statements ({@link OpenHoldRows}).
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
        rows(rows -> rows.placed(e.accountId().value(), e.holdId().value(), e.amount().nanos(), e.amount().currency(),
                ApiKeyId.valueOf(e.apiKeyId()), e.at()));
    }

    @EventHandler
    void on(HoldSettledEvent e) {
        closed(e.accountId(), e.holdId().value());
    }

    @EventHandler
    void on(HoldReleasedEvent e) {
        closed(e.accountId(), e.holdId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE open_holds_view");
    }

    private void closed(AccountId accountId, String holdId) {
        rows(rows -> rows.closed(accountId.value(), holdId));
    }

    private void rows(Consumer<OpenHoldRows> change) {
        UnitOfWorkBatch.add(OpenHoldRows.class.getName(), OpenHoldRows::new, rows -> rows.write(jdbc), change);
    }
}
