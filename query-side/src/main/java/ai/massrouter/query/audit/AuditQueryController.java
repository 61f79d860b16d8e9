package ai.massrouter.query.audit;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.audit.AccountEventsView;
import ai.massrouter.api.audit.BalanceAtView;
import ai.massrouter.api.audit.CheckLedgerQuery;
import ai.massrouter.api.audit.FindAccountEventsQuery;
import ai.massrouter.api.audit.FindBalanceAtQuery;
import ai.massrouter.api.audit.LedgerCheckView;
import ai.massrouter.api.audit.RecordedEvent;
import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import ai.massrouter.query.common.ReadYourWrites;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Finance audit (administrators): the log as recorded, balances at past instants, the ledger check. */
@RestController
@RequestMapping("/api/v1/admin/audit")
public class AuditQueryController {

    private static final Duration MAX_GRACE = Duration.ofDays(7);

    private final ReadYourWrites reads;

    public AuditQueryController(ReadYourWrites reads) {
        this.reads = reads;
    }

    @GetMapping("/accounts/{userId}/events")
    public Events events(Caller caller, @PathVariable String userId,
                         @RequestParam(name = "from_sequence", defaultValue = "0") long fromSequence,
                         @RequestParam(defaultValue = "100") int limit) {
        caller.requireAdmin();
        if (fromSequence < 0) {
            throw DomainException.invalid("from_sequence", "must be >= 0");
        }
        if (limit < 1 || limit > 1000) {
            throw DomainException.invalid("limit", "must be between 1 and 1000");
        }
        AccountEventsView view = reads.ask(new FindAccountEventsQuery(account(userId), fromSequence, limit),
                AccountEventsView.class).orElseThrow();
        return new Events(view.accountId(), view.events().stream().map(Event::of).toList(), view.nextSequence());
    }

    @GetMapping("/accounts/{userId}/balance")
    public BalanceAt balanceAt(Caller caller, @PathVariable String userId, @RequestParam String at) {
        caller.requireAdmin();
        Instant instant;
        try {
            instant = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("at", "must be an ISO-8601 instant such as 2026-01-31T23:59:59Z");
        }
        BalanceAtView view = reads.ask(new FindBalanceAtQuery(account(userId), instant), BalanceAtView.class)
                .orElseThrow();
        return new BalanceAt(view.accountId(), view.at(), view.total().minus(view.onHold()).toDecimal(),
                view.onHold().toDecimal(), view.total().toDecimal(), view.total().currency(), view.eventsApplied(),
                view.lastSequence());
    }

    /**
     * {@code grace}: how long a flow may stay under way (a success not yet credited, a debited refund
     * not yet completed) before it is a break; ISO-8601, default {@code PT5M}.
     */
    @GetMapping("/ledger-check")
    public LedgerCheck ledgerCheck(Caller caller, @RequestParam(defaultValue = "PT5M") String grace) {
        caller.requireAdmin();
        Duration within;
        try {
            within = Duration.parse(grace);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("grace", "must be an ISO-8601 duration such as PT5M");
        }
        if (within.isNegative() || within.compareTo(MAX_GRACE) > 0) {
            throw DomainException.invalid("grace", "must be between PT0S and " + MAX_GRACE);
        }
        LedgerCheckView view = reads.ask(new CheckLedgerQuery(within), LedgerCheckView.class).orElseThrow();
        return new LedgerCheck(view.balanced(), view.reconciled(), view.accountsChecked(), view.eventsRead(),
                view.totalBalance().toDecimal(), view.totalBalance().currency(),
                view.mismatches().stream().map(m -> new Mismatch(m.accountId(), m.problem(), decimal(m.fromEvents()),
                        decimal(m.other()))).toList(), view.flows(), view.breaks(), view.checkedAt());
    }

    private static AccountId account(String userId) {
        if (!userId.startsWith("usr_")) {
            throw DomainException.notFound("User " + userId);
        }
        return AccountId.forUser(UserId.of(userId));
    }

    private static BigDecimal decimal(Money money) {
        return money == null ? null : money.toDecimal();
    }

    public record Events(String accountId, List<Event> events, Long nextSequence) {
    }

    /** The payload exactly as serialized into the log. */
    public record Event(String eventId, long sequence, String type, String revision, Instant timestamp,
                        @JsonRawValue String payload) {
        static Event of(RecordedEvent e) {
            return new Event(e.eventId(), e.sequence(), e.type(), e.revision(), e.timestamp(), e.payloadJson());
        }
    }

    public record BalanceAt(String accountId, Instant at, BigDecimal available, BigDecimal onHold, BigDecimal total,
                            String currency, long eventsApplied, Long lastSequence) {
    }

    public record LedgerCheck(boolean balanced, boolean reconciled, long accountsChecked, long eventsRead,
                              BigDecimal totalBalance, String currency, List<Mismatch> mismatches,
                              LedgerCheckView.Flows flows, List<LedgerCheckView.Break> breaks, Instant checkedAt) {
    }

    public record Mismatch(String accountId, String problem, BigDecimal fromEvents, BigDecimal readModel) {
    }
}
