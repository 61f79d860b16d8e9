package ai.massrouter.projections.model;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.FindModelPricesQuery;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricePageView;
import ai.massrouter.api.model.ModelPriceView;
import ai.massrouter.api.model.ModelPricing;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static ai.massrouter.projections.common.Sql.instant;
import static ai.massrouter.projections.common.Sql.money;

/** Answers from {@code model_prices_view} (see {@link ModelPriceProjection}). */
@Component
public class ModelPriceQueries {

    private static final RowMapper<ModelPriceView> PRICE = (rs, i) -> new ModelPriceView(
            ModelId.of(rs.getString("model_id")), pricing(rs, "", rs.getString("currency")),
            rs.getString("previous_currency") == null ? null : pricing(rs, "previous_", rs.getString("previous_currency")),
            instant(rs, "changed_at"));

    private final JdbcTemplate jdbc;

    public ModelPriceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; an empty page for a model the read model does not know (yet). */
    @QueryHandler
    public ModelPricePageView prices(FindModelPricesQuery query) {
        String modelId = query.modelId().value();
        Long total = jdbc.queryForObject("SELECT count(*) FROM model_prices_view WHERE model_id = ?", Long.class,
                modelId);
        List<ModelPriceView> items = jdbc.query("SELECT * FROM model_prices_view WHERE model_id = ? "
                        + "ORDER BY sequence_number DESC LIMIT ? OFFSET ?", PRICE, modelId, query.page().limit(),
                query.page().offset());
        return new ModelPricePageView(items, query.page().page(), query.page().limit(), total == null ? 0 : total);
    }

    private static ModelPricing pricing(ResultSet rs, String prefix, String currency) throws SQLException {
        return new ModelPricing(new Money(rs.getLong(prefix + "input_nanos"), currency),
                new Money(rs.getLong(prefix + "output_nanos"), currency), money(rs, prefix + "cache_read_nanos", currency));
    }
}
