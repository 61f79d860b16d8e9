package ai.massrouter.projections.audit;

import ai.massrouter.api.account.BalanceView;
import ai.massrouter.api.audit.AccountEventsView;
import ai.massrouter.api.audit.BalanceAtView;
import ai.massrouter.api.audit.CheckLedgerQuery;
import ai.massrouter.api.audit.FindAccountEventsQuery;
import ai.massrouter.api.audit.FindBalanceAtQuery;
import ai.massrouter.api.audit.LedgerCheckView;
import ai.massrouter.api.audit.RecordedEvent;
import ai.massrouter.api.common.Money;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finance's view: answers from the event log itself (through Axon's EventStore, so it works on
 * any store), never from a table someone could have updated.
 */
@Component
public class AuditQueries {

    private static final String ACCOUNT_PREFIX = "acc_";
    private static final String PAYMENT_PREFIX = "pay_";

    private final EventStore eventStore;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;

    public AuditQueries(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.jdbc = jdbc;
    }

    @QueryHandler
    public AccountEventsView events(FindAccountEventsQuery query) {
        List<RecordedEvent> events = new ArrayList<>();
        Long next = null;
        DomainEventStream stream = eventStore.readEvents(query.accountId().value(), query.fromSequence());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (events.size() == query.limit()) {
                next = event.getSequenceNumber();
                break;
            }
            events.add(new RecordedEvent(event.getIdentifier(), event.getSequenceNumber(), event.getPayloadType().getName(),
                    serializer.typeForClass(event.getPayloadType()).getRevision(), event.getTimestamp(),
                    serializer.serialize(event.getPayload(), String.class).getData()));
        }
        return new AccountEventsView(query.accountId().value(), events, next);
    }

    @QueryHandler
    public BalanceAtView balanceAt(FindBalanceAtQuery query) {
        LedgerFold fold = new LedgerFold(query.accountId().value());
        DomainEventStream stream = eventStore.readEvents(query.accountId().value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(query.at())) {
                break;
            }
            fold.apply(event.getPayload(), event.getSequenceNumber());
        }
        return new BalanceAtView(query.accountId().value(), query.at(), fold.total(), fold.held(), fold.events(),
                fold.lastSequence());
    }

    /**
     * One pass over the log up to its head when the check starts, read page by page through the event
     * store: each account's events folded to its balance, and every money flow reconciled from both
     * sides ({@link Reconciliation}); then a comparison with every row of the balances read model.
     */
    @QueryHandler
    public LedgerCheckView checkLedger(CheckLedgerQuery query) throws InterruptedException {
        Map<String, LedgerFold> folds = new LinkedHashMap<>();
        Reconciliation flows = new Reconciliation();
        long read = 0;
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(Long.MAX_VALUE);
        if (headPosition >= 0) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                // events appended after the check started are left out; the timeout only guards a stalled store
                // (or a rebuild of read models whose shared read this pass joined, and whose slowest stalls)
                long position = -1;
                while (position < headPosition) {
                    if (!stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                        // a half-read log would report every account after the stall as a mismatch
                        throw new IllegalStateException("The event log could not be read to its head (position "
                                + position + " of " + headPosition + "): no event for 30 s; try the check again");
                    }
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    read++;
                    if (event instanceof DomainEventMessage<?> domain) {
                        String aggregate = domain.getAggregateIdentifier();
                        if (aggregate.startsWith(ACCOUNT_PREFIX)) {
                            Object payload = domain.getPayload();
                            folds.computeIfAbsent(aggregate, LedgerFold::new).apply(payload, domain.getSequenceNumber());
                            flows.apply(payload, domain.getTimestamp());
                        } else if (aggregate.startsWith(PAYMENT_PREFIX)) {
                            flows.apply(domain.getPayload(), domain.getTimestamp());
                        }
                    }
                    position = event.trackingToken().position().orElse(-1);
                }
            }
        }
        Instant now = Instant.now();
        List<LedgerCheckView.Break> breaks = flows.finish(now, query.grace() == null ? Duration.ZERO : query.grace());
        Map<String, Money[]> model = new HashMap<>();
        jdbc.query("SELECT account_id, balance_nanos, held_nanos, currency FROM account_balances_view", rs -> {
            String currency = rs.getString(4);
            model.put(rs.getString(1), new Money[]{new Money(rs.getLong(2), currency), new Money(rs.getLong(3), currency)});
        });
        List<LedgerCheckView.Mismatch> mismatches = new ArrayList<>();
        long total = 0;
        String currency = "CNY";
        for (LedgerFold fold : folds.values()) {
            total = Math.addExact(total, fold.total().nanos());
            currency = fold.total().currency();
            Money[] row = model.remove(fold.accountId());
            if (fold.firstDisagreement() != null) {
                mismatches.add(new LedgerCheckView.Mismatch(fold.accountId(), fold.firstDisagreement(), fold.total(), null));
            }
            if (row == null) {
                mismatches.add(new LedgerCheckView.Mismatch(fold.accountId(), "missing from the read model", fold.total(), null));
            } else if (!row[0].equals(fold.total())) {
                mismatches.add(new LedgerCheckView.Mismatch(fold.accountId(), "read model balance differs", fold.total(), row[0]));
            } else if (!row[1].equals(fold.held())) {
                mismatches.add(new LedgerCheckView.Mismatch(fold.accountId(), "read model amount on hold differs", fold.held(), row[1]));
            }
        }
        model.forEach((accountId, row) -> mismatches.add(new LedgerCheckView.Mismatch(accountId,
                "in the read model but not in the event log", null, row[0])));
        return new LedgerCheckView(mismatches.isEmpty(), breaks.isEmpty(), folds.size(), read,
                new Money(total, currency), mismatches, flows.flows(), breaks, now);
    }
}
