package ai.massrouter.projections.payment;

import ai.massrouter.api.payment.FindRefusedWebhooksQuery;
import ai.massrouter.api.payment.RefusedWebhookPageView;
import ai.massrouter.api.payment.RefusedWebhookView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static ai.massrouter.projections.common.Sql.instant;

/**
 * The refused payment notifications. Their table is written by the webhook endpoints in the same
 * request that refuses them (a refusal moves no money, so it is no event); this handler is the
 * only reader, so that the query side still asks through the query bus.
 */
@Component
public class RefusedWebhookQueries {

    private final JdbcTemplate jdbc;

    public RefusedWebhookQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public RefusedWebhookPageView refused(FindRefusedWebhooksQuery query) {
        String where = query.provider() == null ? "" : " WHERE provider = ?";
        List<Object> args = new ArrayList<>();
        if (query.provider() != null) {
            args.add(query.provider());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM payment_webhook_rejection" + where, Long.class,
                args.toArray());
        args.add(query.page().limit());
        args.add(query.page().offset());
        List<RefusedWebhookView> items = jdbc.query("SELECT * FROM payment_webhook_rejection" + where
                + " ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?", (rs, i) -> new RefusedWebhookView(
                rs.getLong("id"), rs.getString("provider"), rs.getString("reason"), rs.getString("remote_address"),
                rs.getString("body_sha256"), rs.getString("body_excerpt"), instant(rs, "received_at")), args.toArray());
        return new RefusedWebhookPageView(items, query.page().page(), query.page().limit(), total == null ? 0 : total);
    }
}
