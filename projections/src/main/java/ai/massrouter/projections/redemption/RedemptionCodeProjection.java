package ai.massrouter.projections.redemption;

import ai.massrouter.api.redemption.RedemptionBatchId;
import ai.massrouter.api.redemption.RedemptionCodeCreatedEvent;
import ai.massrouter.api.redemption.RedemptionCodeRedeemedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static ai.massrouter.projections.common.Sql.ts;

/**
 * The redemption codes issued and redeemed, one row per code under its id (the code's hash): the
 * insert of an issued code happens once, a redemption sets absolute values, so an event applied
 * twice changes nothing. The batches are counted when asked ({@link RedemptionBatchQueries}).
 */
@Component
@ProcessingGroup(RedemptionCodeProjection.GROUP)
public class RedemptionCodeProjection {

    public static final String GROUP = "redemption-codes";

    private final JdbcTemplate jdbc;

    public RedemptionCodeProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RedemptionCodeCreatedEvent e) {
        jdbc.update("""
                INSERT INTO redemption_codes_view (code_id, batch_id, amount_nanos, currency, expires_at, created_by,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code_id) DO NOTHING""",
                e.codeId().value(), RedemptionBatchId.valueOf(e.batchId()), e.amount().nanos(), e.amount().currency(),
                ts(e.expiresAt()), e.createdBy().value(), ts(e.at()));
    }

    @EventHandler
    void on(RedemptionCodeRedeemedEvent e) {
        jdbc.update("UPDATE redemption_codes_view SET redeemed_by = ?, redeemed_at = ? WHERE code_id = ?",
                e.userId().value(), ts(e.at()), e.codeId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE redemption_codes_view");
    }
}
