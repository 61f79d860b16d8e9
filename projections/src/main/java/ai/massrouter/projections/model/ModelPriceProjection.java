package ai.massrouter.projections.model;

import ai.massrouter.api.model.ModelAddedEvent;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPriceChangedEvent;
import ai.massrouter.api.model.ModelPricing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static ai.massrouter.projections.common.Sql.nanos;
import static ai.massrouter.projections.common.Sql.ts;

/**
 * Every price a model had ({@code model_prices_view}): a row per price event, keyed by the event's
 * place in the model's stream, so an event applied twice inserts nothing. A processor of its own, so
 * that the catalog ({@link ModelProjection}) stays as it was and this one starts from the log's first
 * event wherever it is new.
 */
@Component
@ProcessingGroup(ModelPriceProjection.GROUP)
public class ModelPriceProjection {

    public static final String GROUP = "model-prices";

    private final JdbcTemplate jdbc;

    public ModelPriceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ModelAddedEvent e, @SequenceNumber long sequence) {
        insert(e.modelId(), sequence, e.pricing(), null, e.at());
    }

    @EventHandler
    void on(ModelPriceChangedEvent e, @SequenceNumber long sequence) {
        insert(e.modelId(), sequence, e.pricing(), e.previousPricing(), e.at());
    }

    private void insert(ModelId modelId, long sequence, ModelPricing pricing, ModelPricing previous, Instant at) {
        jdbc.update("""
                INSERT INTO model_prices_view (model_id, sequence_number, input_nanos, output_nanos, cache_read_nanos,
                    currency, previous_input_nanos, previous_output_nanos, previous_cache_read_nanos, previous_currency,
                    changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (model_id, sequence_number) DO NOTHING""",
                modelId.value(), sequence, pricing.inputPerMillion().nanos(), pricing.outputPerMillion().nanos(),
                nanos(pricing.cacheReadPerMillion()), pricing.currency(),
                previous == null ? null : previous.inputPerMillion().nanos(),
                previous == null ? null : previous.outputPerMillion().nanos(),
                previous == null ? null : nanos(previous.cacheReadPerMillion()),
                previous == null ? null : previous.currency(), ts(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE model_prices_view");
    }
}
