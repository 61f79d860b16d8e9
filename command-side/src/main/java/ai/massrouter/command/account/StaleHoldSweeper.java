package ai.massrouter.command.account;

import ai.massrouter.api.account.FindStaleHoldsQuery;
import ai.massrouter.api.account.ReleaseHoldCommand;
import ai.massrouter.api.account.StaleHoldsView;
import ai.massrouter.api.common.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Gives back holds that nobody settled or released: the node serving the call died, or its
 * settlement failed. Without this the money stays reserved for ever. The read model only names
 * candidates; the account aggregate decides (a hold settled meanwhile is refused with ERR_004 and
 * left alone), and the release's operation id makes two nodes sweeping at once release it once.
 * Holds younger than {@code massrouter.holds.max-age} are never touched, so it must be longer than
 * any call lasts.
 */
@Component
public class StaleHoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(StaleHoldSweeper.class);
    private static final int BATCH = 500;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration maxAge;

    public StaleHoldSweeper(QueryGateway queries, CommandGateway commands, Clock clock,
                            @Value("${massrouter.holds.max-age:PT1H}") Duration maxAge) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Scheduled(fixedDelayString = "${massrouter.holds.sweep-interval:PT1M}",
            initialDelayString = "${massrouter.holds.sweep-interval:PT1M}")
    public void sweep() {
        Instant now = clock.instant();
        StaleHoldsView stale = queries.query(new FindStaleHoldsQuery(now.minus(maxAge), BATCH),
                ResponseTypes.instanceOf(StaleHoldsView.class)).join();
        for (StaleHoldsView.Hold hold : stale.holds()) {
            try {
                commands.sendAndWait(new ReleaseHoldCommand(hold.accountId(), hold.holdId(),
                        "not settled within " + maxAge + " (held at " + hold.heldAt() + ")", now));
                log.warn("Released stale hold {} of {} ({} held at {})", hold.holdId(), hold.accountId(),
                        hold.amount(), hold.heldAt());
            } catch (DomainException closedMeanwhile) {
                log.debug("Hold {} of {} was closed meanwhile: {}", hold.holdId(), hold.accountId(),
                        closedMeanwhile.getMessage());
            } catch (RuntimeException e) {
                log.error("Could not release stale hold {} of {}", hold.holdId(), hold.accountId(), e);
            }
        }
    }
}
