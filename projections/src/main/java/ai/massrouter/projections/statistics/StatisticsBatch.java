package ai.massrouter.projections.statistics;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the statistics events of one unit of work (a processor's batch, up to 1,000 events by default)
 * and writes them together when it prepares its commit, in its transaction: a dozen statements
 * per batch instead of two per event, which is what makes a replay of millions of events fast.
 */
@Component
class StatisticsBatch {

    private static final String RESOURCE = StatisticsBatch.class.getName();

    private final StatisticsWriter writer;

    StatisticsBatch(StatisticsWriter writer) {
        this.writer = writer;
    }

    void add(StatisticsEvent event) {
        if (!CurrentUnitOfWork.isStarted()) {
            writer.write(List.of(event));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<StatisticsEvent> events = unitOfWork.getOrComputeResource(RESOURCE, key -> {
            List<StatisticsEvent> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> {
                Runnable committed = writer.write(pending);
                u.afterCommit(after -> committed.run());
            });
            return pending;
        });
        events.add(event);
    }
}
