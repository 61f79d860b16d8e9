package ai.massrouter.projections.model;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.HoldSettledEvent;
import ai.massrouter.api.account.UsageChargedEvent;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.model.ModelAddedEvent;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPriceChangedEvent;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.model.ModelStatusChangedEvent;
import ai.massrouter.projections.common.UnitOfWorkBatch;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;


import static ai.massrouter.projections.common.Sql.ts;

/**
 * The catalog and its popularity. A call counts once: its model's count grows only when the call's
 * sequence is above its account's last counted one, so a replayed event changes nothing. The calls
 * of a batch of events are counted in one statement ({@link ModelCallRows}).
 */
@Component
@ProcessingGroup(ModelProjection.GROUP)
public class ModelProjection {

    public static final String GROUP = "models";
    static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public ModelProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ModelAddedEvent e, @SequenceNumber long sequence) throws JsonProcessingException {
        jdbc.update("""
                INSERT INTO models_view (model_id, name, provider, category, description, context_length, status,
                    input_nanos, output_nanos, cache_read_nanos, currency, routes, created_at, updated_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (model_id) DO NOTHING""",
                e.modelId().value(), e.name(), e.provider(), e.category(), e.description(), e.contextLength(),
                e.status().name(), e.pricing().inputPerMillion().nanos(), e.pricing().outputPerMillion().nanos(),
                cacheRead(e.pricing()), e.pricing().currency(), JSON.writeValueAsString(e.routes()), ts(e.at()), ts(e.at()),
                sequence);
    }

    /**
     * Events are applied at least once, and a segment that moves between nodes may hand an older
     * event of a model again after a newer one: only events past the row's last sequence apply.
     */
    @EventHandler
    void on(ModelPriceChangedEvent e, @SequenceNumber long sequence) {
        jdbc.update("UPDATE models_view SET input_nanos = ?, output_nanos = ?, cache_read_nanos = ?, currency = ?, "
                        + "updated_at = ?, last_sequence = ? WHERE model_id = ? AND last_sequence < ?",
                e.pricing().inputPerMillion().nanos(), e.pricing().outputPerMillion().nanos(), cacheRead(e.pricing()),
                e.pricing().currency(), ts(e.at()), sequence, e.modelId().value(), sequence);
    }

    private static Long cacheRead(ModelPricing pricing) {
        return pricing.cacheReadPerMillion() == null ? null : pricing.cacheReadPerMillion().nanos();
    }

    @EventHandler
    void on(ModelStatusChangedEvent e, @SequenceNumber long sequence) {
        jdbc.update("UPDATE models_view SET status = ?, updated_at = ?, last_sequence = ? "
                        + "WHERE model_id = ? AND last_sequence < ?",
                e.status().name(), ts(e.at()), sequence, e.modelId().value(), sequence);
    }

    @EventHandler
    void on(UsageChargedEvent e, @SequenceNumber long sequence) {
        call(e.accountId(), sequence, e.usage());
    }

    @EventHandler
    void on(HoldSettledEvent e, @SequenceNumber long sequence) {
        call(e.accountId(), sequence, e.usage());
    }

    private void call(AccountId accountId, long sequence, UsageDetails usage) {
        UnitOfWorkBatch.add(ModelCallRows.class.getName(), ModelCallRows::new, rows -> rows.write(jdbc),
                rows -> rows.call(accountId.value(), sequence, ModelId.valueOf(usage.modelId())));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE models_view, model_calls_applied, model_popularity_view");
    }
}
