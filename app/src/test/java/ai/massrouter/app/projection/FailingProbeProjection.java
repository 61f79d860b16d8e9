package ai.massrouter.app.projection;

import ai.massrouter.api.account.BalanceAdjustedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only read model that fails deterministically: it throws on every adjustment of a
 * poisoned account (the "bug"), and records the reasons of the adjustments it did apply, per
 * account, in the order it applied them. Only in contexts that ask for it.
 */
@Component
@ProcessingGroup(FailingProbeProjection.GROUP)
@ConditionalOnProperty(name = "massrouter.test.failing-probe", havingValue = "true")
public class FailingProbeProjection {

    public static final String GROUP = "failing-probe";

    static final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    static final Map<String, List<String>> applied = new ConcurrentHashMap<>();

    @EventHandler
    void on(BalanceAdjustedEvent event) {
        String account = event.accountId().toString();
        if (poisoned.contains(account)) {
            throw new IllegalStateException("probe cannot handle account " + account);
        }
        applied.computeIfAbsent(account, a -> new CopyOnWriteArrayList<>()).add(event.reason());
    }
}
