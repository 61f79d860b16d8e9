package ai.massrouter.query.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.BalanceView;
import ai.massrouter.api.account.FindBalanceQuery;
import ai.massrouter.api.account.FindTransactionsQuery;
import ai.massrouter.api.account.TransactionPageView;
import ai.massrouter.api.account.TransactionType;
import ai.massrouter.api.account.TransactionView;
import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.BillingSettings;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.common.PageRequest;
import ai.massrouter.query.common.ReadYourWrites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

@RestController
public class BillingQueryController {

    private final ReadYourWrites reads;
    private final String currency;
    private final BigDecimal lowBalance;

    /** {@code lowBalance}: the threshold of the live {@code balance.low} alert, told to clients with the balance. */
    public BillingQueryController(ReadYourWrites reads, BillingSettings billing,
                                  @Value("${massrouter.live.low-balance:10}") BigDecimal lowBalance) {
        this.reads = reads;
        this.currency = billing.currency();
        this.lowBalance = Money.ofDecimal(lowBalance, billing.currency()).toDecimal();
    }

    /** A new user's account may be a few milliseconds from the read model; it then shows as empty. */
    @GetMapping("/api/v1/billing/balance")
    public Balance balance(Caller caller) {
        AccountId accountId = AccountId.forUser(caller.userId());
        return reads.awaitPresent(new FindBalanceQuery(accountId), BalanceView.class)
                .map(b -> new Balance(b.available().toDecimal(), b.onHold().toDecimal(), b.total().toDecimal(),
                        b.total().currency(), lowBalance, b.updatedAt()))
                .orElseGet(() -> {
                    BigDecimal zero = Money.zero(currency).toDecimal();
                    return new Balance(zero, zero, zero, currency, lowBalance, null);
                });
    }

    @GetMapping("/api/v1/billing/transactions")
    public Page transactions(Caller caller,
                             @RequestParam(name = "start_date", required = false) String startDate,
                             @RequestParam(name = "end_date", required = false) String endDate,
                             @RequestParam(required = false) String type,
                             @RequestParam(name = "request_id", required = false) String requestId,
                             @RequestParam(defaultValue = "1") int page,
                             @RequestParam(defaultValue = "20") int limit) {
        Instant from = startDate == null ? null : parse("start_date", startDate, false);
        Instant to = endDate == null ? null : parse("end_date", endDate, true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw DomainException.invalid("end_date", "must be after start_date");
        }
        if (requestId != null && (requestId.isBlank() || requestId.length() > 200)) {
            throw DomainException.invalid("request_id", "must be 1 to 200 characters");
        }
        FindTransactionsQuery query = new FindTransactionsQuery(AccountId.forUser(caller.userId()), from, to,
                type == null ? null : type(type), new PageRequest(page, limit), requestId);
        // the caller names a request it just made: wait (bounded) for its charge to reach the read model
        TransactionPageView view = requestId == null
                ? reads.ask(query, TransactionPageView.class).orElseThrow()
                : reads.awaitMatching(query, TransactionPageView.class, v -> v.total() > 0).orElseThrow();
        return new Page(view.items().stream().map(BillingQueryController::item).toList(), view.page(), view.limit(),
                view.total());
    }

    /** A date (YYYY-MM-DD, whole UTC days, end inclusive) or an ISO-8601 instant. */
    static Instant parse(String field, String value, boolean end) {
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a date (YYYY-MM-DD) or an ISO-8601 instant");
        }
    }

    private static TransactionType type(String value) {
        return Arrays.stream(TransactionType.values()).filter(t -> t.wireName().equals(value.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> DomainException.invalid("type",
                        "must be one of payment, consumption, refund, adjustment, redemption, signup_credit"));
    }

    private static Transaction item(TransactionView t) {
        return new Transaction(t.id(), t.type().wireName(), t.amount().toDecimal(), t.balanceAfter().toDecimal(),
                t.amount().currency(), t.operationId(), t.description(), t.modelId(), t.apiKeyId(), t.promptTokens(),
                t.completionTokens(), t.createdAt());
    }

    /**
     * {@code low_balance_threshold}: below it the server pushes a {@code balance.low} alert
     * ({@code MASSROUTER_LIVE_LOW_BALANCE}), so a client can warn at the same point.
     */
    public record Balance(BigDecimal available, BigDecimal onHold, BigDecimal total, String currency,
                          BigDecimal lowBalanceThreshold, Instant updatedAt) {
    }

    public record Transaction(String id, String type, BigDecimal amount, BigDecimal balanceAfter, String currency,
                              String requestId, String description, String model, String apiKeyId, Long promptTokens,
                              Long completionTokens, Instant createdAt) {
    }

    public record Page(List<Transaction> items, int page, int limit, long total) {
    }
}
