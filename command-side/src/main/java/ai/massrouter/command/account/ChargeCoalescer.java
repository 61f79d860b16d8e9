package ai.massrouter.command.account;

import ai.massrouter.api.account.ChargeAccountsCommand;
import ai.massrouter.api.account.ChargeUsageBatchCommand;
import ai.massrouter.api.account.UsageBatchResult;
import ai.massrouter.api.common.GroupCommit;
import ai.massrouter.api.common.GroupCommit.GroupFailedException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Group commit for charges: the charges that wait while a unit of work is being written, for one
 * account or for many, go into the next one together ({@link ChargeAccountsCommand}: one version
 * query, one operation-id query, one insert of operation rows, one of events, one commit). Each
 * charge is still its own event and each caller still gets its own answer, once the commit that
 * holds its charge is done; a refused charge is refused alone. If the unit of work fails as a whole
 * (a race with another node over an operation id, a stale stream, a row the database refuses),
 * nothing of it was written and each caller sends its own batch alone, as without this class.
 * At most {@code flushers} units of work are under way at once.
 */
@Component
public class ChargeCoalescer {

    private static final Logger log = LoggerFactory.getLogger(ChargeCoalescer.class);

    private final CommandGateway commands;
    private final boolean enabled;
    private final GroupCommit<ChargeUsageBatchCommand, UsageBatchResult> groups;

    public ChargeCoalescer(CommandGateway commands, CommandBus commandBus,
                           @Value("${massrouter.charges.coalesce:true}") boolean enabled,
                           @Value("${massrouter.charges.flushers:2}") int flushers,
                           @Value("${massrouter.charges.max-group:500}") int maxCharges) {
        this.commands = commands;
        // no retries: a group that fails is not tried again whole, its callers go one at a time
        CommandGateway once = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.enabled = enabled;
        this.groups = new GroupCommit<>("charge-flusher", flushers, maxCharges, batch -> batch.charges().size(),
                batches -> once.sendAndWait(new ChargeAccountsCommand(batches)),
                (size, failure) -> log.info("A unit of work of {} batches of charges failed ({}); they are charged one by one",
                        size, failure.toString()));
    }

    /**
     * Charges the batch, in a unit of work with whatever else waits; returns once it is committed,
     * or throws what {@code sendAndWait} of the batch alone throws.
     */
    public UsageBatchResult charge(ChargeUsageBatchCommand batch) {
        if (!enabled) {
            return commands.sendAndWait(batch);
        }
        try {
            return groups.submit(batch);
        } catch (GroupFailedException groupFailed) {
            return commands.sendAndWait(batch);
        }
    }

    /** Batches waiting for a unit of work (not those in one). */
    int waiting() {
        return groups.waiting();
    }

    @PreDestroy
    void stop() {
        groups.close();
    }
}
