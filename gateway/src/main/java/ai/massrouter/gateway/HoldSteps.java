package ai.massrouter.gateway;

import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.HoldStep;
import ai.massrouter.api.account.HoldStepOutcome;
import ai.massrouter.api.account.HoldStepsCommand;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.GroupCommit;
import ai.massrouter.api.common.GroupCommit.GroupFailedException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Group commit for the gateway's holds, settlements and releases: the steps of concurrent calls
 * that wait while a unit of work is being written go into the next one together
 * ({@link HoldStepsCommand}), as {@code POST /billing/usage} groups its charges. Each step is still
 * its own operation and event, each call gets its own answer once the commit that holds its step
 * is done, and a refused step (BILL_001) is refused alone. If the unit of work fails as a whole,
 * nothing of it was written and each call sends its step alone; a unit of work the ledger did not
 * answer in time (ERR_005) is answered as such, as a step alone would be. Configured with the
 * charges' group commit ({@code massrouter.charges.*}).
 */
@Component
public class HoldSteps {

    private static final Logger log = LoggerFactory.getLogger(HoldSteps.class);

    private final BusCalls bus;
    private final boolean enabled;
    private final GroupCommit<HoldStep, HoldStepOutcome> groups;

    public HoldSteps(BusCalls bus, @Value("${massrouter.charges.coalesce:true}") boolean enabled,
                     @Value("${massrouter.charges.flushers:2}") int flushers,
                     @Value("${massrouter.charges.max-group:500}") int maxSteps) {
        this.bus = bus;
        this.enabled = enabled;
        this.groups = new GroupCommit<>("hold-flusher", flushers, maxSteps, step -> 1,
                steps -> bus.<List<HoldStepOutcome>>command(new HoldStepsCommand(steps)),
                (size, failure) -> log.info("A unit of work of {} hold steps failed ({}); they are sent one by one",
                        size, failure.toString()));
    }

    /** The step's result, or its refusal thrown as the step alone would throw it. */
    public AccountOperationResult send(HoldStep step) {
        if (!enabled) {
            return bus.command(step);
        }
        try {
            return groups.submit(step).resultOrThrow();
        } catch (GroupFailedException failed) {
            if (failed.getCause() instanceof DomainException unanswered && unanswered.code() == ErrorCode.ERR_005) {
                throw unanswered;
            }
            return bus.command(step);
        }
    }

    @PreDestroy
    void stop() {
        groups.close();
    }
}
