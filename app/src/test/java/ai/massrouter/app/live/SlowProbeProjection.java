package ai.massrouter.app.live;

import ai.massrouter.api.account.BalanceAdjustedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test-only processor that falls behind on demand: an adjustment of a held account waits at the
 * gate until the test opens it (at most 8 s, below the claim timeout), so the segment that handles
 * it stops while the event log grows. Only in contexts that ask for it.
 */
@Component
@ProcessingGroup(SlowProbeProjection.GROUP)
@ConditionalOnProperty(name = "massrouter.test.slow-probe", havingValue = "true")
public class SlowProbeProjection {

    public static final String GROUP = "slow-probe";

    static final Set<String> held = ConcurrentHashMap.newKeySet();
    static volatile CountDownLatch gate = new CountDownLatch(0);

    static void hold(String accountId) {
        gate = new CountDownLatch(1);
        held.add(accountId);
    }

    static void release() {
        held.clear();
        gate.countDown();
    }

    @EventHandler
    void on(BalanceAdjustedEvent event) throws InterruptedException {
        if (held.contains(event.accountId().toString())) {
            gate.await(8, TimeUnit.SECONDS);
        }
    }
}
