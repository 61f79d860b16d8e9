package ai.massrouter.projections.redemption;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.redemption.FindRedemptionBatchesQuery;
import ai.massrouter.api.redemption.RedemptionBatchPageView;
import ai.massrouter.api.redemption.RedemptionBatchView;
import ai.massrouter.api.user.UserId;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

import static ai.massrouter.projections.common.Sql.instant;

/** Answers from {@code redemption_codes_view} (see {@link RedemptionCodeProjection}), a row per batch. */
@Component
public class RedemptionBatchQueries {

    private final JdbcTemplate jdbc;

    public RedemptionBatchQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every code of a batch was issued by one request: one amount, expiry, issuer and time. */
    @QueryHandler
    public RedemptionBatchPageView batches(FindRedemptionBatchesQuery query) {
        Long total = jdbc.queryForObject("SELECT count(DISTINCT batch_id) FROM redemption_codes_view", Long.class);
        List<RedemptionBatchView> items = jdbc.query("""
                SELECT batch_id, min(amount_nanos) AS amount_nanos, min(currency) AS currency,
                    min(expires_at) AS expires_at, min(created_by) AS created_by, min(created_at) AS created_at,
                    count(*) AS issued, count(redeemed_at) AS redeemed, max(redeemed_at) AS last_redeemed_at
                FROM redemption_codes_view GROUP BY batch_id
                ORDER BY min(created_at) DESC, batch_id DESC LIMIT ? OFFSET ?""",
                (rs, i) -> new RedemptionBatchView(rs.getString("batch_id"),
                        new Money(rs.getLong("amount_nanos"), rs.getString("currency")), rs.getLong("issued"),
                        rs.getLong("redeemed"), instant(rs, "expires_at"), UserId.of(rs.getString("created_by")),
                        instant(rs, "created_at"), instant(rs, "last_redeemed_at")),
                query.page().limit(), query.page().offset());
        return new RedemptionBatchPageView(items, query.page().page(), query.page().limit(), total == null ? 0 : total);
    }
}
