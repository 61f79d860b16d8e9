package ai.massrouter.projections.payment;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.payment.BankTransferInstructions;
import ai.massrouter.api.payment.FindPaymentQuery;
import ai.massrouter.api.payment.FindPaymentsQuery;
import ai.massrouter.api.payment.PaymentCheckout;
import ai.massrouter.api.common.PaymentId;
import ai.massrouter.api.payment.PaymentMethod;
import ai.massrouter.api.payment.PaymentPageView;
import ai.massrouter.api.payment.PaymentStatus;
import ai.massrouter.api.payment.PaymentView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

import static ai.massrouter.projections.common.Sql.instant;

/** Answers from {@code payments_view} (see {@link PaymentProjection}). */
@Component
public class PaymentQueries {

    private static final RowMapper<PaymentView> PAYMENT = (rs, i) -> {
        String currency = rs.getString("currency");
        String bankReference = rs.getString("bank_reference");
        BankTransferInstructions bank = bankReference == null ? null : new BankTransferInstructions(
                rs.getString("bank_name"), rs.getString("bank_account_name"), rs.getString("bank_account_number"),
                bankReference);
        return new PaymentView(PaymentId.of(rs.getString("payment_id")), rs.getString("user_id"),
                PaymentMethod.valueOf(rs.getString("method")), PaymentStatus.valueOf(rs.getString("status")),
                new Money(rs.getLong("amount_nanos"), currency),
                new Money(rs.getLong("credit_nanos"), rs.getString("credit_currency")),
                rs.getBigDecimal("fx_rate").stripTrailingZeros(), new Money(rs.getLong("refunded_nanos"), currency),
                new PaymentCheckout(rs.getString("provider_reference"), rs.getString("checkout_url"),
                        rs.getString("qr_code"), bank),
                rs.getString("failure_code"), rs.getString("failure_reason"), rs.getBoolean("late"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "paid_at"), instant(rs, "failed_at"),
                instant(rs, "expired_at"), instant(rs, "refunded_at"), instant(rs, "updated_at"));
    };

    private final JdbcTemplate jdbc;

    public PaymentQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Null when the payment is not (yet) in the read model. */
    @QueryHandler
    public PaymentView payment(FindPaymentQuery query) {
        return jdbc.query("SELECT * FROM payments_view WHERE payment_id = ?", PAYMENT, query.paymentId().value())
                .stream().findFirst().orElse(null);
    }

    /** Newest first; the filters left out (null) do not narrow the list. */
    @QueryHandler
    public PaymentPageView payments(FindPaymentsQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (query.userId() != null) {
            conditions.add("user_id = ?");
            args.add(query.userId().value());
        }
        if (query.status() != null) {
            conditions.add("status = ?");
            args.add(query.status().name());
        }
        if (query.method() != null) {
            conditions.add("method = ?");
            args.add(query.method().name());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        Long total = jdbc.queryForObject("SELECT count(*) FROM payments_view" + where, Long.class, args.toArray());
        args.add(query.page().limit());
        args.add(query.page().offset());
        List<PaymentView> items = jdbc.query("SELECT * FROM payments_view" + where
                + " ORDER BY created_at DESC, payment_id DESC LIMIT ? OFFSET ?", PAYMENT, args.toArray());
        return new PaymentPageView(items, query.page().page(), query.page().limit(), total == null ? 0 : total);
    }
}
