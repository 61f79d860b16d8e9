package ai.massrouter.command.redemption;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.redemption.CreateRedemptionCodeCommand;
import ai.massrouter.api.redemption.RedeemCodeCommand;
import ai.massrouter.api.redemption.RedemptionBatchId;
import ai.massrouter.api.redemption.RedemptionCodeCreatedEvent;
import ai.massrouter.api.redemption.RedemptionCodeId;
import ai.massrouter.api.redemption.RedemptionCodeRedeemedEvent;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One redemption code, identified by its hash: redeemed at most once, whoever tries at the same
 * moment (the event store's (aggregate, sequence) key lets one redemption in; the others are
 * retried on the redeemed state and refused).
 */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class RedemptionCodeAggregate {

    @AggregateIdentifier
    private RedemptionCodeId codeId;
    private String batchId;
    private Money amount;
    private Instant expiresAt;
    private boolean redeemed;

    protected RedemptionCodeAggregate() {
    }

    @CommandHandler
    public RedemptionCodeAggregate(CreateRedemptionCodeCommand command) {
        if (!command.amount().isPositive()) {
            throw DomainException.invalid("amount", "must be positive");
        }
        apply(new RedemptionCodeCreatedEvent(command.codeId(), command.batchId(), command.amount(),
                command.expiresAt(), command.createdBy(), command.at()));
    }

    @CommandHandler
    public RedemptionCodeRedeemedEvent handle(RedeemCodeCommand command) {
        ensureUnused();
        ensureNotExpired(command.at());
        RedemptionCodeRedeemedEvent redeemedEvent = new RedemptionCodeRedeemedEvent(codeId,
                batchId == null ? null : RedemptionBatchId.of(batchId),
                command.userId(), amount, command.at());
        apply(redeemedEvent);
        return redeemedEvent;
    }

    private void ensureUnused() {
        if (redeemed) {
            throw refused("has already been used");
        }
    }

    private void ensureNotExpired(Instant at) {
        if (expiresAt != null && !at.isBefore(expiresAt)) {
            throw refused("expired at " + expiresAt);
        }
    }

    static DomainException refused(String why) {
        return new DomainException(ErrorCode.ERR_001, "This redemption code " + why, Map.of("code", why));
    }

    @EventSourcingHandler
    void on(RedemptionCodeCreatedEvent event) {
        codeId = event.codeId();
        batchId = RedemptionBatchId.valueOf(event.batchId());
        amount = event.amount();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(RedemptionCodeRedeemedEvent event) {
        redeemed = true;
    }
}
