package ai.massrouter.projections.model;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.FindModelQuery;
import ai.massrouter.api.model.FindModelsQuery;
import ai.massrouter.api.model.ModelPageView;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.model.ModelRoute;
import ai.massrouter.api.model.ModelStatus;
import ai.massrouter.api.model.ModelView;
import ai.massrouter.projections.common.Sql;
import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static ai.massrouter.projections.common.Sql.instant;

@Component
public class ModelQueries {

    private static final TypeReference<List<ModelRoute>> ROUTES = new TypeReference<>() {
    };

    private static final RowMapper<ModelView> VIEW = (rs, i) -> {
        String currency = rs.getString("currency");
        List<ModelRoute> routes;
        try {
            routes = ModelProjection.JSON.readValue(rs.getString("routes"), ROUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelView(rs.getString("model_id"), rs.getString("name"), rs.getString("provider"),
                rs.getString("category"), rs.getString("description"), rs.getInt("context_length"),
                ModelStatus.valueOf(rs.getString("status")),
                new ModelPricing(new Money(rs.getLong("input_nanos"), currency),
                        new Money(rs.getLong("output_nanos"), currency), rs.getObject("cache_read_nanos") == null
                        ? null : new Money(rs.getLong("cache_read_nanos"), currency)),
                routes, rs.getLong("popularity"), instant(rs, "created_at"), instant(rs, "updated_at"));
    };

    private static final String SELECT = "SELECT m.*, COALESCE(p.calls, 0) AS popularity FROM models_view m "
            + "LEFT JOIN model_popularity_view p ON p.model_id = m.model_id";

    private final JdbcTemplate jdbc;

    public ModelQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Null when the catalog has no such model. */
    @QueryHandler
    public ModelView model(FindModelQuery query) {
        return jdbc.query(SELECT + " WHERE m.model_id = ?", VIEW, query.modelId().value())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    public ModelPageView models(FindModelsQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.category() != null) {
            where.append(" AND category = ?");
            args.add(query.category());
        }
        if (query.provider() != null) {
            where.append(" AND provider = ?");
            args.add(query.provider());
        }
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" AND (lower(m.model_id) LIKE ? OR lower(name) LIKE ? OR lower(provider) LIKE ? "
                    + "OR lower(description) LIKE ?)");
            String like = Sql.likePattern(query.search().trim().toLowerCase(Locale.ROOT));
            args.addAll(List.of(like, like, like, like));
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM models_view m" + where, Long.class, args.toArray());
        String direction = query.descending() ? " DESC" : " ASC";
        String order = switch (query.sortBy()) {
            case POPULARITY -> "popularity" + direction + ", m.model_id";
            case PRICE -> "(input_nanos + output_nanos)" + direction + ", m.model_id";
            case NAME -> "lower(name)" + direction + ", m.model_id";
        };
        args.add(query.page().limit());
        args.add(query.page().offset());
        List<ModelView> items = jdbc.query(SELECT + where + " ORDER BY " + order
                + " LIMIT ? OFFSET ?", VIEW, args.toArray());
        return new ModelPageView(items, query.page().page(), query.page().limit(), total == null ? 0 : total);
    }
}
